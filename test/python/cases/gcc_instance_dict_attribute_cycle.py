# category: gc-cycles-basic
# what: an instance holding a dict that holds the instance
import gc
gc.collect()
gc.disable()
class Owner:
    pass
o = Owner()
o.registry = {"owner": o}
del o
print(gc.collect())
