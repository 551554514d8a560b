# category: gc-cycles-advanced
# what: gc.is_finalized becomes True once __del__ has run on an object
import gc
gc.collect()
gc.disable()
keep = []
class F:
    def __del__(self):
        keep.append(self)
f = F()
print(gc.is_finalized(f))
f.me = f
del f
gc.collect()
print(len(keep), gc.is_finalized(keep[0]))
keep.clear()
print(gc.collect())
