# category: version-specific
# what: sys.getsizeof of a plain instance, a slotted instance and an instance's __dict__
import sys
class Plain:
    pass
class Slotted:
    __slots__ = ("a", "b")
p = Plain()
p.x = 1
s = Slotted()
print(sys.getsizeof(p), sys.getsizeof(s))
print(sys.getsizeof(Slotted()) < sys.getsizeof(Plain()))
