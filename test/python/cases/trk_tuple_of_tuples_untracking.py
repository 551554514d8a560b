# category: gc-tracking
# what: after one collection an inner tuple of atomic values is untracked while the outer tuple holding it stays tracked
import gc
gc.collect()
gc.disable()
inner = tuple([1, 2])
outer = (inner, tuple(["a"]))
print(gc.is_tracked(inner), gc.is_tracked(outer))
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))
holder = tuple([[]])
gc.collect()
print(gc.is_tracked(holder))
