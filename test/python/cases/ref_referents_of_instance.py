# category: referrers-referents
# what: what gc.get_referents reports for an instance with attributes (3.10 reports its __dict__)
import gc
class P:
    pass
p = P()
p.a = [1]
p.b = "text"
refs = gc.get_referents(p)
print(any(r is P for r in refs))
print(any(r is p.a for r in refs))
print(sorted(type(r).__name__ for r in refs))
