# category: version-specific
# what: storing None or () in a list moves their reference counts only before 3.12
import sys
before = sys.getrefcount(None)
nones = [None] * 10
print(sys.getrefcount(None) - before)
before = sys.getrefcount(())
ts = [(), ()]
print(sys.getrefcount(()) - before)
