# category: refcount-basic
# what: a dict storing one object under two keys holds two references; replacing one value drops one
import sys
v = [0]
d = {"a": v, "b": v}
print(sys.getrefcount(v))
d["a"] = None
print(sys.getrefcount(v))
del d["b"]
print(sys.getrefcount(v))
d["c"] = v
d.pop("c")
print(sys.getrefcount(v))
