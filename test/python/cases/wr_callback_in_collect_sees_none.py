# category: weakref
# what: a weakref callback during collection gets a dead reference
import gc
import weakref
gc.collect()
gc.disable()
class N:
    pass
n = N()
n.me = n
out = []
r = weakref.ref(n, lambda ref: out.append(ref() is None))
del n
gc.collect()
print(out)
