# category: gc-cycles-advanced
# what: an instance used as a key in a dict it owns
import gc
gc.collect()
gc.disable()
class K:
    pass
k = K()
k.table = {k: "self"}
del k
print(gc.collect())
