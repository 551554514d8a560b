# category: gc-cycles-basic
# what: one collection finds every unreachable cycle at once
import gc
gc.collect()
gc.disable()
x = []
x.append(x)
y = {}
y["y"] = y
z1, z2 = [], []
z1.append(z2)
z2.append(z1)
del x, y, z1, z2
print(gc.collect())
