# category: gc-generations
# what: right after a full collection every generation counter is small
import gc
gc.collect()
gc.disable()
gc.collect()
c = gc.get_count()
print(c[1], c[2])
print(c[0] < 5)
