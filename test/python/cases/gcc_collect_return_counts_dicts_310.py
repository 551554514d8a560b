# category: gc-cycles-basic
# what: two plain instances referring to each other (3.10 also counts their dicts)
import gc
gc.collect()
gc.disable()
class P:
    pass
a = P()
b = P()
a.peer = b
b.peer = a
del a, b
print(gc.collect())
c = P()
c.peer = c
c.extra = [1, 2]
del c
print(gc.collect())
