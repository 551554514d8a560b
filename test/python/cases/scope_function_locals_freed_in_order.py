# category: scope-lifetime
# what: when a function returns its locals are released in the order they were declared
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f():
    b = T("b")
    a = T("a")
    c = T("c")
    return "returned"
print(f())
