# category: classes-slots
# what: a class's own __setattr__/__delattr__ sees every assignment and deletion; object.__setattr__ stores directly
class Audited:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
x = Audited()
x.b = [2]
setattr(x, "c", 3)
object.__setattr__(x, "quiet", 4)
del x.a
print(sorted(vars(x)))
class ReadOnly:
    __slots__ = ("v",)
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is read-only")
r = ReadOnly(5)
try:
    r.v = 6
except AttributeError as e:
    print(e, r.v)
