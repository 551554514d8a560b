# category: refcount-basic
# what: getrefcount of a module-level function and of a simple class before and after making instances
import sys
def f():
    pass
print(sys.getrefcount(f))
fs = [f, f]
print(sys.getrefcount(f))
class C:
    pass
base = sys.getrefcount(C)
objs = [C() for _ in range(4)]
print(sys.getrefcount(C) - base)
del objs
print(sys.getrefcount(C) - base)
