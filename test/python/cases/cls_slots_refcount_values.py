# category: classes-slots
# what: slot values are held by the instance like attributes are
import sys
class S:
    __slots__ = ("v", "w")
val = []
s = S()
s.v = val
s.w = val
print(sys.getrefcount(val))
del s.w
print(sys.getrefcount(val))
del s
print(sys.getrefcount(val))
