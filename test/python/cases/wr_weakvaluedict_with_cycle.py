# category: weakref
# what: a WeakValueDictionary value in a garbage cycle disappears after gc.collect
import gc
import weakref
gc.collect()
gc.disable()
class V:
    pass
cache = weakref.WeakValueDictionary()
v = V()
v.me = v
cache["v"] = v
del v
print(len(cache))
gc.collect()
print(len(cache))
