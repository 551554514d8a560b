# category: gc-cycles-advanced
# what: deleting a class and its only instance leaves cyclic garbage that only gc frees
import gc
import weakref
gc.collect()
gc.disable()
class Temp:
    def method(self):
        return 1
t = Temp()
r = weakref.ref(Temp)
del Temp
print(r() is not None)
del t
print(r() is not None)
gc.collect()
print(r() is None)
