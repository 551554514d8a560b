# category: gc-tracking
# what: sets, frozensets, instances, classes, functions and builtin functions like print and len are tracked
import gc
print(gc.is_tracked(set()), gc.is_tracked({1, 2}), gc.is_tracked(frozenset()))
class C:
    pass
c = C()
print(gc.is_tracked(c), gc.is_tracked(C))
print(gc.is_tracked(lambda: 0), gc.is_tracked(print), gc.is_tracked(len))
print(gc.is_tracked(iter([])), gc.is_tracked(range(3)), gc.is_tracked(zip()))
