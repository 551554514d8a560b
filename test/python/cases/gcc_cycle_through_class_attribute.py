# category: gc-cycles-advanced
# what: an instance stored on its own class is reachable through the class, not garbage
import gc
gc.collect()
gc.disable()
class Registry:
    latest = None
r = Registry()
r.me = r
Registry.latest = r
del r
print(gc.collect())
Registry.latest = None
print(gc.collect())
