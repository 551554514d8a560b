# category: identity
# what: a tuple display containing a list is built at run time each time
def f():
    return (1, [])
def g():
    return (1, 2)
print(f() is f(), g() is g())
print(f() == f())
