# category: refcount-functions
# what: getrefcount of a global read inside a function, directly and after binding a local
import sys
data = [1, 2, 3]
def direct():
    return sys.getrefcount(data)
def with_local():
    local = data
    return sys.getrefcount(data)
print(sys.getrefcount(data), direct(), with_local(), sys.getrefcount(data))
