# category: weakref
# what: a class with __slots__ needs '__weakref__' in them to be weakly referenced
import weakref
class NoWeak:
    __slots__ = ("x",)
class Weak:
    __slots__ = ("x", "__weakref__")
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print("TypeError:", e)
w = Weak()
r = weakref.ref(w)
print(r() is w)
del w
print(r())
