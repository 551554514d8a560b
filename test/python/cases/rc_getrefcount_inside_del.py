# category: finalizers
# what: getrefcount(self) inside __del__ during refcount deallocation and during a collection
import gc
import sys
gc.collect()
gc.disable()
class D:
    def __del__(self):
        print("in __del__:", sys.getrefcount(self))
d = D()
del d
c = D()
c.me = c
del c
gc.collect()
