# category: identity
# what: copy.deepcopy keeps a cycle's shape (the copy refers to itself) and shares what it copies once
import copy
import gc
gc.collect()
a = [1, "x"]
a.append(a)
b = copy.deepcopy(a)
print(b is not a, b[2] is b, b[0] is a[0], b[1] is a[1])
shared = [0]
pair = [shared, shared]
c = copy.deepcopy(pair)
print(c[0] is c[1], c[0] is not shared)
d = {"k": [1]}
d["self"] = d
e = copy.deepcopy(d)
print(e["self"] is e, e["k"] is not d["k"])
t = (1, [2])
u = copy.deepcopy(t)
print(u is not t, u[1] is not t[1], copy.deepcopy((1, "s")) is not None)
gc.disable()
del a, b, d, e
print(gc.collect())
