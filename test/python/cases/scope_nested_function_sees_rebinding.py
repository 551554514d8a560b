# category: scope-lifetime
# what: a closure reads the enclosing variable's current value, not the value at definition
def outer():
    x = "first"
    def show():
        return x
    a = show()
    x = "second"
    return a, show()
print(outer())
