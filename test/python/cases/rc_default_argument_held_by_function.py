# category: refcount-functions
# what: a default argument value is referenced by the function's __defaults__ tuple
import sys
sentinel = ["default"]
print(sys.getrefcount(sentinel))
def f(x=sentinel):
    return x
print(sys.getrefcount(sentinel))
print(f() is sentinel)
def g(a=sentinel, b=sentinel):
    return a is b
print(sys.getrefcount(sentinel), g())
del f, g
print(sys.getrefcount(sentinel))
