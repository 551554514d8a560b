# category: refcount-functions
# what: the value passed to a method is referenced by the caller's name and the callee's parameter
import sys
class Sink:
    def take(self, x):
        self.last = x
        return sys.getrefcount(x)
s = Sink()
obj = []
print(s.take(obj))
print(sys.getrefcount(obj))
print(s.take([]))
print(sys.getrefcount(s.last))
