# category: refcount-functions
# what: a local bound in a try block is counted like any other local
import sys
def f(x):
    try:
        y = x
        return sys.getrefcount(x)
    finally:
        z = x
obj = []
print(f(obj), sys.getrefcount(obj))
