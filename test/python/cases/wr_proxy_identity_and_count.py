# category: weakref
# what: proxies without callbacks are shared, and count among weak references
import weakref
class Obj:
    pass
o = Obj()
p1 = weakref.proxy(o)
p2 = weakref.proxy(o)
r = weakref.ref(o)
print(p1 is p2)
print(weakref.getweakrefcount(o))
print(type(p1).__name__)
