# category: gc-cycles-basic
# what: a tuple holding two lists that hold the tuple
import gc
gc.collect()
gc.disable()
a, b = [], []
t = (a, b)
a.append(t)
b.append(t)
del a, b, t
print(gc.collect())
