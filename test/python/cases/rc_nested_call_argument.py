# category: refcount-functions
# what: getrefcount of a value passed through a nested call expression
import sys
def ident(x):
    return x
def count(x):
    return sys.getrefcount(x)
obj = []
print(count(obj), count(ident(obj)), count(ident(ident(obj))))
print(sys.getrefcount(obj))
