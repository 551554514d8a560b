# category: refcount-basic
# what: an OrderedDict's linked nodes hold their keys too: each key gains two references; move_to_end and popitem
import sys
from collections import OrderedDict
class Key:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __hash__(self):
        return hash(self.name)
k = Key("k")
print(sys.getrefcount(k))
plain = {k: 1}
print(sys.getrefcount(k))
od = OrderedDict()
od[k] = 1
print(sys.getrefcount(k))
od["a"] = 2
od["b"] = 3
od.move_to_end(k)
print(list(od), od)
od.move_to_end("b", last=False)
print(od.popitem(), od.popitem(last=False), od)
print(sys.getrefcount(k))
od2 = OrderedDict(a=1, b=2)
od3 = OrderedDict(b=2, a=1)
print(od2 == od3, od2 == dict(od3), list(od2.keys()), od2.items())
del plain
print(sys.getrefcount(k))
