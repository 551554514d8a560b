# category: refcount-basic
# what: setting, replacing and deleting an instance attribute changes the value's count
import sys
class Holder:
    pass
h = Holder()
data = [1, 2, 3]
print(sys.getrefcount(data))
h.data = data
print(sys.getrefcount(data))
setattr(h, "other", data)
print(sys.getrefcount(data))
h.data = None
print(sys.getrefcount(data))
delattr(h, "other")
print(sys.getrefcount(data))
