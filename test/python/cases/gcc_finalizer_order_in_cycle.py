# category: finalizers
# what: finalizers of objects in one garbage cycle run during gc.collect, in creation order
import gc
gc.collect()
gc.disable()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a, b, c = F("a"), F("b"), F("c")
a.n, b.n, c.n = b, c, a
del a, b, c
print("collecting")
print(gc.collect() > 0)
