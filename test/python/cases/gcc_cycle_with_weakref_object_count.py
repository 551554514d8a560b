# category: gc-cycles-advanced
# what: a weak reference stored inside the cycle it points to is collected with it
import gc
import weakref
gc.collect()
gc.disable()
class N:
    pass
n = N()
n.me = n
n.wr = weakref.ref(n)
del n
print(gc.collect())
