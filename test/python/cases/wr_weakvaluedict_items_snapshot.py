# category: weakref
# what: values seen while iterating a WeakValueDictionary are strong references for the loop
import weakref
class V:
    def __init__(self, n):
        self.n = n
objs = [V(i) for i in range(3)]
wd = weakref.WeakValueDictionary((o.n, o) for o in objs)
seen = []
for key, val in sorted(wd.items(), key=lambda kv: kv[0]):
    seen.append(val.n)
print(seen)
objs.clear()
print(len(wd), val.n)
del val
print(len(wd))
