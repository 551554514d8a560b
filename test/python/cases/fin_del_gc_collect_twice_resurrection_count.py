# category: resurrection
# what: a resurrecting finalizer runs only once even if the object becomes garbage twice
import gc
gc.collect()
gc.disable()
saved = []
class R:
    def __del__(self):
        print("finalizing")
        saved.append(self)
r = R()
del r
print(len(saved))
saved.clear()
print("cleared")
print(gc.collect())
