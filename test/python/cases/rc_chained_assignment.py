# category: refcount-basic
# what: chained assignment binds every target to the same object
import sys
a = b = c = []
print(a is b is c, sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
x, y = z = (1, 2)
print(x, y, z)
