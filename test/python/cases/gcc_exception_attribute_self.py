# category: gc-cycles-advanced
# what: an exception that stores itself as an attribute is cyclic garbage
import gc
gc.collect()
gc.disable()
err = KeyError("k")
err.me = err
del err
print(gc.collect())
