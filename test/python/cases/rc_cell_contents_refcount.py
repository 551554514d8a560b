# category: refcount-functions
# what: a closure cell holds one reference shared by every closure that uses it
import sys
def make():
    shared = []
    def a():
        return shared
    def b():
        return shared
    return a, b
fa, fb = make()
obj = fa()
print(sys.getrefcount(obj))
print(fa.__closure__[0] is fb.__closure__[0], fa.__closure__[0].cell_contents is obj)
del fa
print(sys.getrefcount(obj))
del fb
print(sys.getrefcount(obj))
