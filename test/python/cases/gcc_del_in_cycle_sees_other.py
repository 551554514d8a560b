# category: finalizers
# what: while a cycle's finalizers run, every member still has its attributes
import gc
gc.collect()
gc.disable()
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, "-> partner", self.partner.n)
a, b = D("a"), D("b")
a.partner, b.partner = b, a
del a, b
print("found", gc.collect())
