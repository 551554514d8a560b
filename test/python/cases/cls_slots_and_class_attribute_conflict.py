# category: classes-slots
# what: __slots__ entries become descriptors on the class
class S:
    __slots__ = ("a",)
print(type(S.__dict__["a"]).__name__)
s = S()
print(hasattr(s, "a"))
s.a = 5
print(s.a, S.a.__get__(s))
