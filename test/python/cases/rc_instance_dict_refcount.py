# category: refcount-basic
# what: getrefcount of an instance's __dict__ once it has been asked for
import sys
class P:
    pass
p = P()
p.a = 1
d = p.__dict__
print(sys.getrefcount(d))
print(d is p.__dict__, d)
p.b = 2
print(d)
