# category: gc-generations
# what: gc.collect(0) finds a cycle created since the last collection
import gc
gc.collect()
gc.disable()
a = []
a.append(a)
del a
print(gc.collect(0))
b = []
b.append(b)
gc.collect(0)
del b
print(gc.collect(0))
print(gc.collect(1))
