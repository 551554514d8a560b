# category: referrers-referents
# what: gc.get_referents of a tuple and of a frozenset
import gc
x = [1]
t = (x, "a", 2)
print(len(gc.get_referents(t)), any(r is x for r in gc.get_referents(t)))
s = {1, 2, 3}
print(sorted(gc.get_referents(s)))
