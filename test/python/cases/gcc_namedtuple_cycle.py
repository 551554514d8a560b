# category: gc-cycles-advanced
# what: a namedtuple that holds a list holding the namedtuple is a cycle; the collector frees tuple, list and nothing else
import gc
import sys
from collections import namedtuple
gc.collect()
gc.disable()
Pair = namedtuple("Pair", "left right")
box = []
p = Pair(box, 5)
box.append(p)
print(sys.getrefcount(p), sys.getrefcount(box), gc.is_tracked(p))
del p, box
print(gc.collect())
q = Pair(1, "a")
gc.collect()
print(gc.is_tracked(q), gc.is_tracked((1, "a")))
del q
print(gc.collect())
