# category: weakref
# what: a weakref callback receives the weak reference itself, already dead
import weakref
class Obj:
    pass
seen = []
def cb(ref):
    seen.append((ref is r, ref()))
o = Obj()
r = weakref.ref(o, cb)
print(r() is o)
del o
print(seen)
print(r() is None)
