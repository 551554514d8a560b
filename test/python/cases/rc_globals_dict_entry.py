# category: refcount-basic
# what: a module-level name is an entry in globals(); deleting it through the dict drops the reference
import sys
x = [1]
y = x
print(sys.getrefcount(y))
print(globals()["x"] is y)
del globals()["x"]
print(sys.getrefcount(y), "x" in globals())
globals()["z"] = y
print(sys.getrefcount(y), z is y)
