# category: seed
# what: seed 002's example of a list referenced twice by another list
from sys import getrefcount
a = [1, 2, 3]
print(getrefcount(a))
b = [a, a]
print(getrefcount(a))
