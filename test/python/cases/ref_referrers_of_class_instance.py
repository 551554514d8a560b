# category: referrers-referents
# what: instances are referrers of their class; the class is a referent of each instance
import gc
class K:
    pass
a, b = K(), K()
refs = gc.get_referrers(K)
print(any(r is a for r in refs), any(r is b for r in refs))
print(any(r is K for r in gc.get_referents(a)))
