# category: containers
# what: dict.fromkeys stores one shared value under every key
import sys
val = []
d = dict.fromkeys(["a", "b", "c"], val)
print(sys.getrefcount(val))
d["a"].append(1)
print(d)
d.clear()
print(sys.getrefcount(val))
