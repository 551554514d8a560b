# category: classes-slots
# what: adding '__dict__' to __slots__ allows extra attributes
class Hybrid:
    __slots__ = ("fixed", "__dict__")
h = Hybrid()
h.fixed = 1
h.extra = 2
print(h.fixed, h.__dict__)
print(hasattr(Hybrid, "__weakref__"))
