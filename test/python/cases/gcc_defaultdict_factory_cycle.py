# category: gc-cycles-advanced
# what: a defaultdict holds its default_factory; missing keys call it; a defaultdict cycle is freed by the collector
import gc
import sys
from collections import defaultdict
gc.collect()
gc.disable()
def make():
    print("factory called")
    return []
print(sys.getrefcount(make))
dd = defaultdict(make)
print(sys.getrefcount(make), dd.default_factory is make)
dd["a"].append(1)
dd["a"].append(2)
print(dd["a"], "b" in dd, len(dd), dd.get("zz"))
print(repr(dd).startswith("defaultdict(<function make at"), dict(dd))
dd["self"] = dd
print(repr(defaultdict(None)), str(dd).endswith("{...})})"))
del dd
print(gc.collect(), sys.getrefcount(make))
counts = defaultdict(int)
for w in "a b a c a".split():
    counts[w] += 1
print(counts, sorted(counts.items()))
c2 = counts.copy()
print(type(c2).__name__, c2 == counts, c2 is not counts, c2.default_factory is int)
