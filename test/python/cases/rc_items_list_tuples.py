# category: containers
# what: list(d.items()) builds pairs that each hold a reference to key and value
import sys
v = []
d = {"x": v, "y": v}
print(sys.getrefcount(v))
pairs = list(d.items())
print(sys.getrefcount(v))
print([k for k, _ in pairs])
del pairs
print(sys.getrefcount(v))
vals = list(d.values())
print(sys.getrefcount(v))
