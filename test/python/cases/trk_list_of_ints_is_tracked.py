# category: gc-tracking
# what: lists are tracked even if they hold only ints; a collection never untracks them
import gc
gc.collect()
gc.disable()
lst = [1, 2, 3]
print(gc.is_tracked(lst))
gc.collect()
print(gc.is_tracked(lst))
print(gc.is_tracked([]))
print(gc.is_tracked(iter(lst)))
