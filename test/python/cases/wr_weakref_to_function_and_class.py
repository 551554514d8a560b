# category: weakref
# what: weak references to functions and classes die when the last strong reference goes
import gc
import weakref
gc.collect()
gc.disable()
def f():
    pass
class C:
    pass
rf = weakref.ref(f)
rc = weakref.ref(C)
del f
print(rf() is None)
del C
print(rc() is None)
gc.collect()
print(rc() is None)
