# category: finalizers
# what: an exception in __del__ during gc.collect is ignored and the collection still finishes
import gc
gc.collect()
gc.disable()
class Bad:
    def __del__(self):
        print("bad __del__")
        raise RuntimeError("ignored")
b = Bad()
b.me = b
del b
print("collected", gc.collect())
print("still running")
