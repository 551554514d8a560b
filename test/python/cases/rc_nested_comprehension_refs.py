# category: refcount-basic
# what: a nested comprehension referring to an outer object adds one reference per element
import sys
x = []
grid = [[x for _ in range(3)] for _ in range(2)]
print(sys.getrefcount(x))
flat = [c for row in grid for c in row]
print(sys.getrefcount(x))
grid = flat = None
print(sys.getrefcount(x))
