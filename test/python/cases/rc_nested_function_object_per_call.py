# category: refcount-functions
# what: each call of the outer function makes a new nested function object
import sys
def outer():
    def inner():
        return 1
    return inner
f1 = outer()
f2 = outer()
print(f1 is f2, f1.__code__ is f2.__code__)
print(sys.getrefcount(f1))
keep = [f1, f1]
print(sys.getrefcount(f1))
