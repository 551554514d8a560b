# category: weakref
# what: weak references with callbacks are distinct objects; those without are shared
import weakref
class Obj:
    pass
o = Obj()
a = weakref.ref(o)
b = weakref.ref(o)
c = weakref.ref(o, lambda r: None)
d = weakref.ref(o, lambda r: None)
print(a is b, a is c, c is d)
print(weakref.getweakrefcount(o))
print(len(weakref.getweakrefs(o)))
