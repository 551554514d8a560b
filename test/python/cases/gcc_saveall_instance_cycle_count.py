# category: gc-config
# what: DEBUG_SAVEALL keeps everything unreachable in gc.garbage (3.10 includes the instances' dicts)
import gc
gc.collect()
gc.disable()
class N:
    pass
a, b = N(), N()
a.b, b.a = b, a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
print(n, len(gc.garbage))
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
