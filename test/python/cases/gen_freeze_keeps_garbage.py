# category: gc-generations
# what: gc.freeze moves everything to the permanent generation where the collector ignores it
import gc
gc.collect()
gc.disable()
a = []
a.append(a)
del a
gc.freeze()
print(gc.get_freeze_count() > 0)
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
