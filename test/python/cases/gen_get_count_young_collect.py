# category: gc-generations
# what: gc.collect(0) resets the youngest counter and bumps the next one
import gc
gc.collect()
gc.disable()
junk = [[] for _ in range(5)]
print(gc.get_count()[0] > 0)
gc.collect(0)
c = gc.get_count()
print(c[0], c[1])
gc.collect(0)
gc.collect(0)
print(gc.get_count()[1])
gc.collect(1)
print(gc.get_count()[1:])
