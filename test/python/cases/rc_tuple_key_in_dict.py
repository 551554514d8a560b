# category: refcount-basic
# what: a tuple used as a dict key is referenced by the dict; popping the key releases it
import sys
k = ("x", "y", 123456)
d = {}
print(sys.getrefcount(k))
d[k] = 1
print(sys.getrefcount(k))
d[k] = 2
print(sys.getrefcount(k))
del d[k]
print(sys.getrefcount(k))
