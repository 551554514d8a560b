# category: classes-slots
# what: __getattr__ is consulted only for missing attributes
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        print("computing", name)
        value = len(name)
        setattr(self, name, value)
        return value
l = Lazy()
print(l.real)
print(l.abc)
print(l.abc)
print(getattr(l, "zz", None))
