# category: gc-config
# what: with DEBUG_SAVEALL the collected objects are appended to gc.garbage instead of freed
import gc
gc.collect()
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
d = {}
d["me"] = d
del d
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__)
print(gc.garbage[0]["me"] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
