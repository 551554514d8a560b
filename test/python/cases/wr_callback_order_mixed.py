# category: weakref
# what: callbacks of refs and finalize objects on one object all run newest first
import weakref
class Obj:
    pass
o = Obj()
log = []
r1 = weakref.ref(o, lambda r: log.append("ref1"))
f = weakref.finalize(o, log.append, "finalize")
r2 = weakref.ref(o, lambda r: log.append("ref2"))
del o
print(log)
