# category: classes-slots
# what: list.remove, index and in use __eq__, while is compares identity
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == getattr(other, "v", None)
    def __repr__(self):
        return f"P({self.v})"
items = [P(1), P(2), P(1)]
print(P(1) in items, items.index(P(2)), items.count(P(1)))
items.remove(P(1))
print(items)
print(any(x is items[1] for x in items), P(3) in items)
