# category: containers
# what: sorted builds a new list holding references to the same elements
import sys
a, b = [2], [1]
src = [a, b]
print(sys.getrefcount(a))
out = sorted(src)
print(out[0] is b, sys.getrefcount(a))
rev = list(reversed(src))
print(sys.getrefcount(a))
src.sort()
print(src[0] is b, sys.getrefcount(a))
