# category: containers
# what: adding an object to a set adds one reference, however many times it is added
import sys
class Tag:
    pass
t = Tag()
s = set()
s.add(t)
s.add(t)
print(sys.getrefcount(t), len(s))
s2 = s.copy()
print(sys.getrefcount(t))
s.discard(t)
print(sys.getrefcount(t), len(s))
s2.clear()
print(sys.getrefcount(t))
