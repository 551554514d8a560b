# category: seed
# what: seed 002's two-list cycle followed by a gc.collect() to show it is garbage
import gc
gc.collect()
a = []
b = [a]
a.append(b)

del a

del b
print(gc.collect())
