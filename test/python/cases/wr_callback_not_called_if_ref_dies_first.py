# category: weakref
# what: if the weak reference dies before its object, its callback never runs
import weakref
class Obj:
    pass
o = Obj()
r = weakref.ref(o, lambda ref: print("callback"))
del r
del o
print("no callback printed")
o2 = Obj()
r2 = weakref.ref(o2, lambda ref: print("callback 2"))
del o2
print("end")
