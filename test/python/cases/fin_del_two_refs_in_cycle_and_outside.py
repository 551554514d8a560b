# category: finalizers
# what: an object in a cycle that is also referenced from outside survives collection
import gc
gc.collect()
gc.disable()
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a, b = D("a"), D("b")
a.o, b.o = b, a
outside = a
del a, b
print("collected", gc.collect())
outside.o.o = None
outside = None
print("end")
