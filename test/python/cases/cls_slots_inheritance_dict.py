# category: classes-slots
# what: a subclass without __slots__ gets a __dict__ again
class Base:
    __slots__ = ("a",)
class Sub(Base):
    pass
class SlotSub(Base):
    __slots__ = ("b",)
s = Sub()
s.a = 1
s.other = 2
print(s.__dict__)
t = SlotSub()
t.a, t.b = 1, 2
print(hasattr(t, "__dict__"), t.a + t.b)
print(Base.__slots__, SlotSub.__slots__)
