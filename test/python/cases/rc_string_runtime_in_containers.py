# category: refcount-basic
# what: a string built at run time counts every container that holds it
import sys
s = "-".join(["a", "b", "c"])
print(sys.getrefcount(s))
d = {s: s}
print(sys.getrefcount(s))
l = [s] * 3
print(sys.getrefcount(s))
del d
print(sys.getrefcount(s))
