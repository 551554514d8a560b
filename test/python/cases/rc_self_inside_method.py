# category: refcount-functions
# what: getrefcount of self inside a method called on a named instance and on a temporary
import sys
class W:
    def count(self):
        return sys.getrefcount(self)
w = W()
print(w.count())
print(W().count())
print(W.count(w))
m = w.count
print(m())
