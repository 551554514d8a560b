# category: gc-cycles-basic
# what: a tuple and a list referring to each other
import gc
gc.collect()
gc.disable()
lst = []
t = (lst, 1, "x")
lst.append(t)
del t
print(gc.collect())
del lst
print(gc.collect())
