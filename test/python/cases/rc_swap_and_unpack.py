# category: refcount-basic
# what: tuple swapping and unpacking leave counts where they should be
import sys
a = [1]
b = [2]
a, b = b, a
print(a, b, sys.getrefcount(a), sys.getrefcount(b))
pair = (a, b)
x, y = pair
print(sys.getrefcount(a), x is a)
first, *rest = [a, b, b]
print(sys.getrefcount(b), len(rest))
