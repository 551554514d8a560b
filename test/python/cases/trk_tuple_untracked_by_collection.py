# category: gc-tracking
# what: a tuple of atomic values is tracked when created and untracked by the next collection
import gc
gc.collect()
gc.disable()
t = tuple([1, 2, "three"])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = tuple([1, []])
gc.collect()
print(gc.is_tracked(u))
print(gc.is_tracked((1, 2)))
