# category: refcount-functions
# what: arguments collected by **kwargs sit in a fresh dict during the call
import sys
def f(**kw):
    return sys.getrefcount(kw["a"]), sorted(kw)
x = []
print(f(a=x))
print(f(a=x, b=x))
opts = {"a": x, "c": 1}
print(f(**opts))
print(sys.getrefcount(x))
