# category: seed
# what: seed 004's advice in code: __slots__ instances have no dict; a weakref does not keep an object alive
import sys
import weakref
class Record:
    __slots__ = ("key", "value", "__weakref__")
    def __init__(self, key, value):
        self.key = key
        self.value = value
r = Record("id", 1)
print(hasattr(r, "__dict__"), sys.getrefcount(r))
cache = weakref.WeakValueDictionary()
cache["id"] = r
print(sys.getrefcount(r), len(cache))
del r
print(len(cache))
