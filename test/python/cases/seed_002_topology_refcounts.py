# category: seed
# what: seed 002's reference topology (x, y, z) without objgraph, printing counts instead of drawing
import sys
x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]
print(sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(z))
print(z[1][1][1]["key1"] is x)
