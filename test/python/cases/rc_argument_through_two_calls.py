# category: refcount-functions
# what: an object passed down through two calls is referenced by each frame's parameter
import sys
def inner(y):
    return sys.getrefcount(y)
def outer(x):
    before = sys.getrefcount(x)
    return before, inner(x)
obj = []
print(outer(obj))
print(sys.getrefcount(obj))
