# category: gc-cycles-advanced
# what: an OrderedDict that contains itself is freed by the collector; its repr shows the recursion
import gc
from collections import OrderedDict
gc.collect()
gc.disable()
od = OrderedDict()
od["me"] = od
od["n"] = 1
print(od)
print(gc.is_tracked(od), gc.is_tracked(OrderedDict()))
del od
print(gc.collect())
o = OrderedDict.fromkeys("abc", 0)
o.move_to_end("a")
print(o, list(reversed(o)), o.pop("b"), o.setdefault("z", 9), o)
try:
    for k in o:
        o["new"] = 1
except RuntimeError as e:
    print(e)
