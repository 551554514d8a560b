# category: gc-cycles-basic
# what: a ring of ten dicts is collected as ten objects
import gc
gc.collect()
gc.disable()
nodes = [{"i": i} for i in range(10)]
for i, n in enumerate(nodes):
    n["next"] = nodes[(i + 1) % 10]
print(gc.collect())
del n
nodes.clear()
print(gc.collect())
