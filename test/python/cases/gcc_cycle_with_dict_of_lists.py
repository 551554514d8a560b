# category: gc-cycles-basic
# what: a dict of lists where every list refers back to the dict
import gc
gc.collect()
gc.disable()
d = {}
for k in "abc":
    d[k] = [d]
del d
print(gc.collect())
