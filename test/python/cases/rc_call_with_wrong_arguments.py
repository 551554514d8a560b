# category: refcount-functions
# what: a call whose arguments do not fit the parameters drops its frame at once: no reference to the function or the arguments is left, no generator made
import sys
def f(a):
    pass
def g(a):
    yield a
x = []
for fn in (f, g):
    try:
        fn(x, 1)
    except TypeError as e:
        print(e)
    try:
        fn(x, b=1)
    except TypeError as e:
        print(e)
print(sys.getrefcount(x), sys.getrefcount(f), sys.getrefcount(g))
import gc
print(gc.collect())
