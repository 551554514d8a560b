# category: classes-slots
# what: __repr__, __str__ and __eq__ as used by print, lists and comparisons
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x!r})"
    def __str__(self):
        return f"<{self.x}>"
    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x
    def __hash__(self):
        return hash(self.x)
a = V("a")
print(a, [a], str(a), repr(a))
print(f"{a} {a!r}")
print(V(1) == V(1), V(1) in [V(2), V(1)], len({V(1), V(1)}))
