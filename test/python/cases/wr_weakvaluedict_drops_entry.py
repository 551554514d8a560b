# category: weakref
# what: a WeakValueDictionary entry disappears when its value dies
import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
a = Image("a")
b = Image("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()))
del a
print(sorted(cache.keys()))
print(cache.get("a"), cache["b"].name)
b = None
print(len(cache))
