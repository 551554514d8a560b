# category: seed
# what: seed 002's getrefcount example: a list and then an alias to it
from sys import getrefcount
a = [1, 2, 3]
print(getrefcount(a))
b = a
print(getrefcount(b))
