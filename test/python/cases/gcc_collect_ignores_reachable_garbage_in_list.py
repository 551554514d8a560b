# category: gc-cycles-basic
# what: cycles stored in a live list are not collected until the list lets go
import gc
gc.collect()
gc.disable()
keep = []
for _ in range(3):
    x = []
    x.append(x)
    keep.append(x)
del x
print(gc.collect())
keep.pop()
print(gc.collect())
keep.clear()
print(gc.collect())
