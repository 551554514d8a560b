# category: gc-tracking
# what: a dict that only ever held atomic values stays untracked even when filled at run time
import gc
gc.collect()
gc.disable()
d = {}
for i in range(5):
    d[str(i)] = i
print(gc.is_tracked(d))
d["t"] = (1, 2)
print(gc.is_tracked(d))
e = dict(a=1)
print(gc.is_tracked(e), gc.is_tracked(dict(a=[])))
