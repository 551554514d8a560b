# category: weakref
# what: the type of weak references and the dead/alive checks
import weakref
class O:
    pass
o = O()
r = weakref.ref(o)
print(type(r).__name__, type(r) is weakref.ref, isinstance(r, weakref.ReferenceType))
print(callable(r), r() is o)
del o
print(r() is None, bool(r))
