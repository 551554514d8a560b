# category: gc-cycles-advanced
# what: how many objects the collector finds when an empty class is deleted
import gc
gc.collect()
gc.disable()
class Empty:
    pass
del Empty
print(gc.collect())
class WithMethod:
    def m(self):
        return 1
del WithMethod
print(gc.collect())
