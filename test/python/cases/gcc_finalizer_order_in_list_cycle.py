# category: finalizers
# what: finalizers of instances held in a self-referencing list run during collection in list order
import gc
gc.collect()
gc.disable()
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
box = [D(1), D(2), D(3)]
box.append(box)
del box
print("collected", gc.collect())
