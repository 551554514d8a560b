# category: refcount-functions
# what: lambdas capturing by default argument versus by closure cell
import sys
val = [1, 2]
by_default = lambda v=val: v
print(sys.getrefcount(val))
def make():
    captured = val
    return lambda: captured
by_cell = make()
print(sys.getrefcount(val))
del by_default
print(sys.getrefcount(val))
print(by_cell() is val)
