# category: gc-config
# what: a first threshold of 0 turns automatic collection off even when gc is enabled
import gc
import weakref
gc.collect()
gc.set_threshold(0)
gc.enable()
class C:
    pass
c = C()
c.me = c
r = weakref.ref(c)
del c
junk = [[i] for i in range(5000)]
print(r() is not None)
gc.collect()
print(r() is None)
gc.set_threshold(700, 10, 10)
gc.disable()
