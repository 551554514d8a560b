# category: seed
# what: seed 002's example where rebinding a drops one reference to the list
from sys import getrefcount
a = [1, 2, 3]
b = a
print(getrefcount(b))
a = 1
print(getrefcount(b))
