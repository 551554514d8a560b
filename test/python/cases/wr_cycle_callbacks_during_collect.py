# category: weakref
# what: weakref callbacks for two cycle members run during gc.collect, before it returns
import gc
import weakref
gc.collect()
gc.disable()
class N:
    pass
a, b = N(), N()
a.p, b.p = b, a
log = []
ra = weakref.ref(a, lambda r: log.append("a"))
rb = weakref.ref(b, lambda r: log.append("b"))
del a, b
print(log)
n = gc.collect()
print(sorted(log), ra() is None, rb() is None)
