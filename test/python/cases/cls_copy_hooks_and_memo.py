# category: classes-slots
# what: __copy__, __deepcopy__ (with the memo dict), and __getstate__/__setstate__ as copy uses them
import copy
class Tracked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("copy of", self.v)
        return Tracked(self.v + 1)
    def __deepcopy__(self, memo):
        print("deepcopy of", self.v, type(memo).__name__, id(self) in memo)
        return Tracked(self.v * 10)
t = Tracked(1)
print(copy.copy(t).v, copy.deepcopy(t).v)
pair = copy.deepcopy([t, t])
print(pair[0] is pair[1], pair[0].v)
class State:
    def __init__(self):
        self.a = 1
    def __getstate__(self):
        print("getstate")
        return {"a": self.a, "b": 2}
    def __setstate__(self, state):
        print("setstate", sorted(state))
        self.__dict__.update(state)
s2 = copy.copy(State())
print(s2.a, s2.b)
class Slotted:
    __slots__ = ("x", "y")
s = Slotted()
s.x = [1]
s3 = copy.copy(s)
print(s3.x is s.x, hasattr(s3, "y"), Slotted.__slotnames__)
try:
    copy.deepcopy(iter([1]).__class__)
    print("class copied as itself")
except copy.Error as e:
    print("Error", e)
