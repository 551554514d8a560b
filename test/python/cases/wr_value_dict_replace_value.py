# category: weakref
# what: replacing a WeakValueDictionary value does not trigger removal of the new entry
import weakref
class V:
    def __init__(self, n):
        self.n = n
d = weakref.WeakValueDictionary()
v1 = V(1)
d["k"] = v1
v2 = V(2)
d["k"] = v2
del v1
print(len(d), d["k"].n)
del v2
print(len(d), "k" in d)
