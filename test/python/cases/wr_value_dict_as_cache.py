# category: weakref
# what: a weak cache returns the same object while someone holds it and rebuilds it afterwards
import weakref
class Big:
    made = 0
    def __init__(self, key):
        Big.made += 1
        self.key = key
cache = weakref.WeakValueDictionary()
def get(key):
    obj = cache.get(key)
    if obj is None:
        obj = Big(key)
        cache[key] = obj
    return obj
x = get("k")
y = get("k")
print(x is y, Big.made)
del x, y
z = get("k")
print(Big.made)
