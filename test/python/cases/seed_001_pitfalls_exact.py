# category: seed
# what: seed 001's Common Pitfalls code pasted as a script without a preceding collection
import gc
class Cycle:
    def __init__(self):
        self.ref = self
c = Cycle()
del c
print('Garbage collector run:', gc.collect()) # Cleans up the cycle
# Wrong: holding reference unintentionally
lst = []
lst.append(lst) # Creates a cycle
print('Garbage collector run:', gc.collect()) # Cleans up cycle
# Right: break cycle manually
lst.clear()
print('Garbage collector run after clearing:', gc.collect())
