# category: gc-cycles-basic
# what: three lists in a ring are found together as one piece of garbage
import gc
gc.collect()
gc.disable()
a, b, c = [], [], []
a.append(b)
b.append(c)
c.append(a)
del a, b
print(gc.collect())
del c
print(gc.collect())
