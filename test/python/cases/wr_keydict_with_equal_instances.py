# category: weakref
# what: WeakKeyDictionary keys use equality; a new equal key maps to the same entry
import weakref
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)
d = weakref.WeakKeyDictionary()
k1 = Key(1)
d[k1] = "one"
k2 = Key(1)
print(d[k2], len(d))
d[k2] = "uno"
print(d[k1], len(d))
del k1
print(len(d))
