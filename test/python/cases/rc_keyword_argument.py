# category: refcount-functions
# what: getrefcount of a value passed by keyword, positional, and through a default
import sys
def f(a, b=None):
    return sys.getrefcount(a)
x = []
print(f(x))
print(f(a=x))
print(f(b=1, a=x))
print(sys.getrefcount(x))
