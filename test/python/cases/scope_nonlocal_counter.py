# category: scope-lifetime
# what: nonlocal rebinds the enclosing function's variable, shared by all closures
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc()
inc()
print(get(), inc.__closure__[0] is get.__closure__[0])
inc2, get2 = counter()
print(inc2(), get())
