# category: refcount-basic
# what: each new name bound to a list adds one reference; deleting the names in reverse removes them
import sys
a = [1, 2]
b = a
c = b
print(sys.getrefcount(a))
del c
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
a2 = a
del a
print(sys.getrefcount(a2))
