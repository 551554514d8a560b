# category: gc-cycles-basic
# what: a dict stored as one of its own values
import gc
gc.collect()
gc.disable()
d = {"name": "loop"}
d["self"] = d
print(d["self"]["self"]["name"])
del d
print(gc.collect())
