# category: resurrection
# what: a resurrected object is the same object with ordinary counts
import sys
keep = []
class R:
    def __del__(self):
        keep.append(self)
r = R()
marker = id(r)
del r
print(len(keep), id(keep[0]) == marker)
print(sys.getrefcount(keep[0]))
obj = keep.pop()
print(sys.getrefcount(obj))
del obj
print(len(keep))
