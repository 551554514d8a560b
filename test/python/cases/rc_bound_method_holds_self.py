# category: refcount-basic
# what: a stored bound method keeps a reference to its instance
import sys
class A:
    def go(self):
        return "went"
a = A()
print(sys.getrefcount(a))
m = a.go
print(sys.getrefcount(a))
ms = [a.go, a.go]
print(sys.getrefcount(a), ms[0] is ms[1], ms[0] == ms[1])
del m, ms
print(sys.getrefcount(a))
