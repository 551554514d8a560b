# category: containers
# what: setdefault stores the default only when the key is missing
import sys
default = []
d = {}
d.setdefault("a", default)
d.setdefault("a", default)
d.setdefault("b", default)
print(sys.getrefcount(default))
print(d.setdefault("a", None) is default)
