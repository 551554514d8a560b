# category: refcount-basic
# what: unpacked loop variables over dict items keep the last key and value referenced
import sys
v1, v2 = [1], [2]
d = {"a": v1, "b": v2}
print(sys.getrefcount(v2))
for k, v in d.items():
    pass
print(k, sys.getrefcount(v2))
del k, v
print(sys.getrefcount(v2))
