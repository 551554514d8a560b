# category: containers
# what: dict.copy and dict(d) share values with the original
import sys
v = [9]
d = {"a": v, "b": [1]}
c1 = d.copy()
c2 = dict(d)
print(sys.getrefcount(v))
print(c1["a"] is v, c2["a"] is d["a"])
c1["a"] = 0
print(sys.getrefcount(v))
