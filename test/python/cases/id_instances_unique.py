# category: identity
# what: every call of a class creates a distinct object, even with equal contents
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v
    __hash__ = None
a = P(1)
b = P(1)
print(a == b, a is b, a != b)
c = a
print(c is a, c == a)
print([a].count(b), [a].index(b))
print(P.__hash__ is None)
