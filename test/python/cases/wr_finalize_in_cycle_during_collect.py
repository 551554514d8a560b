# category: weakref
# what: weakref.finalize of an object in a garbage cycle runs during gc.collect
import gc
import weakref
gc.collect()
gc.disable()
class N:
    pass
n = N()
n.me = n
weakref.finalize(n, print, "finalized in collect")
del n
print("before")
gc.collect()
print("after")
