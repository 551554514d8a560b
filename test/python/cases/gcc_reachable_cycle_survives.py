# category: gc-cycles-basic
# what: a cycle reachable from a live name is not garbage; after the name goes it is
import gc
gc.collect()
gc.disable()
a = [1]
b = [2, a]
a.append(b)
keeper = {"ref": a}
del a, b
print(gc.collect())
print(len(keeper["ref"]))
keeper.clear()
print(gc.collect())
