# category: referrers-referents
# what: a bound method refers to its function and its instance
import gc
class A:
    def m(self):
        pass
a = A()
bm = a.m
refs = gc.get_referents(bm)
print(len(refs))
print(any(r is a for r in refs), any(r is A.m for r in refs))
