# category: refcount-functions
# what: getrefcount of a default argument inside the function body
import sys
DEFAULT = ["shared"]
def f(x=DEFAULT):
    return sys.getrefcount(x)
print(sys.getrefcount(DEFAULT))
print(f())
print(f(DEFAULT))
print(f([]))
