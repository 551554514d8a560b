# category: referrers-referents
# what: a list stored on two instances has both as referrers (3.10: their __dict__s)
import gc
class Q:
    pass
v = []
q1, q2 = Q(), Q()
q1.v = v
q2.v = v
refs = [r for r in gc.get_referrers(v) if r is not globals()]
print(len(refs))
print(sorted(type(r).__name__ for r in refs))
