# category: gc-cycles-advanced
# what: a list subclass instance that contains itself
import gc
gc.collect()
gc.disable()
class Bag(list):
    pass
b = Bag()
b.append(b)
del b
print(gc.collect())
c = Bag()
c.name = "named"
c.append(c)
del c
print(gc.collect())
