# category: version-specific
# what: an identifier-like string constant is immortal only in 3.12; other strings count normally
import sys
a = "heapscope_marker_xyz"
b = "not an identifier!"
c = sys.intern("".join(["run", "time_interned"]))
d = "".join(["run", "time_plain"])
for s in (a, b, c, d):
    n = sys.getrefcount(s)
    print(n if n < 1000 else "immortal")
