# category: weakref
# what: weakref.finalize keeps its arguments alive until it runs
import sys
import weakref
class Obj:
    pass
o = Obj()
payload = ["payload"]
print(sys.getrefcount(payload))
f = weakref.finalize(o, print, payload)
print(sys.getrefcount(payload))
del o
print(sys.getrefcount(payload), f.alive)
