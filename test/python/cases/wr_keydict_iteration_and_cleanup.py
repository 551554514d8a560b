# category: weakref
# what: WeakKeyDictionary items and keys after several keys die
import weakref
class K:
    def __init__(self, n):
        self.n = n
keys = [K(i) for i in range(4)]
d = weakref.WeakKeyDictionary()
for k in keys:
    d[k] = k.n * 10
del k
del keys[::2]
print(sorted(v for v in d.values()))
print(sorted(k.n for k in d.keys()))
