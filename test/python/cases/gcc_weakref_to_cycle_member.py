# category: gc-cycles-basic
# what: a weak reference to a cycle member stays alive until the collector runs
import gc
import weakref
gc.collect()
gc.disable()
class N:
    pass
n = N()
n.self = n
r = weakref.ref(n)
del n
print(r() is not None)
print(gc.collect())
print(r() is None)
