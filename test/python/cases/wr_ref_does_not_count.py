# category: weakref
# what: creating weak references leaves the reference count unchanged
import sys
import weakref
class Obj:
    pass
o = Obj()
print(sys.getrefcount(o))
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print(sys.getrefcount(o), r1 is r2)
print(weakref.getweakrefcount(o))
strong = r1()
print(sys.getrefcount(o))
