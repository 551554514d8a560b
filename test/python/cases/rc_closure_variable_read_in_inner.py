# category: refcount-functions
# what: getrefcount of a closure variable read inside the inner function
import sys
def outer():
    v = []
    def inner():
        return sys.getrefcount(v)
    before = sys.getrefcount(v)
    return before, inner()
print(outer())
