# category: containers
# what: [x] * n stores n references to the same object
import sys
x = []
grid = [x] * 5
print(sys.getrefcount(x))
print(all(row is x for row in grid))
grid[0] = []
print(sys.getrefcount(x))
grid *= 2
print(sys.getrefcount(x), len(grid))
