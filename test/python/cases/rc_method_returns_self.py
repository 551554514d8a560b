# category: refcount-functions
# what: a fluent method returning self hands back a new reference each call
import sys
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
b = Builder()
print(sys.getrefcount(b))
r = b.add("a").add("b")
print(r is b, sys.getrefcount(b), b.parts)
del r
print(sys.getrefcount(b))
