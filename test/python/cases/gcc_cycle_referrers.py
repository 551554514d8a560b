# category: referrers-referents
# what: each member of a two-list cycle is a referrer of the other
import gc
a = []
b = [a]
a.append(b)
print(any(r is b for r in gc.get_referrers(a)))
print(any(r is a for r in gc.get_referrers(b)))
print(gc.get_referents(a)[0] is b, gc.get_referents(b)[0] is a)
