# category: refcount-functions
# what: arguments collected by *args sit in a tuple for the duration of the call
import sys
def f(*args):
    return sys.getrefcount(args[0]), len(args)
x = []
print(f(x))
print(f(x, x, x))
lst = [x, x]
print(f(*lst))
print(sys.getrefcount(x))
