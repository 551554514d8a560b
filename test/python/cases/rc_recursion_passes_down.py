# category: refcount-functions
# what: an object passed down a three-level recursion is referenced by every active frame
import sys
def down(obj, n):
    if n == 0:
        return sys.getrefcount(obj)
    return down(obj, n - 1)
thing = []
print(down(thing, 0))
print(down(thing, 1))
print(down(thing, 3))
print(sys.getrefcount(thing))
