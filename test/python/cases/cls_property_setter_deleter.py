# category: classes-slots
# what: a property with getter, setter and deleter
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        print("setting", v)
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        del self._c
t = Temp()
t.c = 25
print(t.c)
del t.c
print(hasattr(t, "_c"))
try:
    Temp.c.fset(t, 1)
    print(t.c)
except Exception as e:
    print(type(e).__name__)
