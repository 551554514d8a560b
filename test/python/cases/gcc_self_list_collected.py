# category: gc-cycles-basic
# what: a list that contains itself is freed only by the collector
import gc
import sys
gc.collect()
gc.disable()
a = []
a.append(a)
print(sys.getrefcount(a))
del a
print(gc.collect())
print(gc.collect())
