# category: refcount-functions
# what: a decorator's wrapper keeps the original function alive through its closure
import sys
def deco(fn):
    def wrapper(*a):
        return fn(*a) * 2
    return wrapper
def raw(x):
    return x + 1
print(sys.getrefcount(raw))
wrapped = deco(raw)
print(sys.getrefcount(raw), wrapped(1))
@deco
def nice(x):
    return x
print(nice(5), nice.__name__, nice.__closure__[0].cell_contents.__name__)
