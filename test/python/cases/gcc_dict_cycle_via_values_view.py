# category: gc-cycles-advanced
# what: a dict whose value is a list holding the dict
import gc
gc.collect()
gc.disable()
d = {}
d["items"] = [d, 1, "x"]
del d
print(gc.collect())
