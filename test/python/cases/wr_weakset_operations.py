# category: weakref
# what: WeakSet supports iteration, discard and length like a set
import weakref
class T:
    def __init__(self, n):
        self.n = n
ts = [T(i) for i in range(4)]
ws = weakref.WeakSet(ts)
print(len(ws), sorted(t.n for t in ws))
ws.discard(ts[0])
print(len(ws))
ts.pop()
print(sorted(t.n for t in ws))
ts.clear()
print(len(ws))
