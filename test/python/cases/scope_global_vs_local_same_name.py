# category: scope-lifetime
# what: a local shadows a global of the same name only inside its function
value = "global"
def show():
    value = "local"
    return value
def show_global():
    return value
print(show(), show_global(), value)
def shadow_builtin():
    len = 5
    return len
print(shadow_builtin(), len("abc"))
