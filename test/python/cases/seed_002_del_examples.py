# category: seed
# what: seed 002's del examples: deleting a name, then deleting a list element
from sys import getrefcount
a = [1, 2, 3]
b = a
print(getrefcount(b))

del a
print(getrefcount(b))

# Delete an element from a list
a = [1, 2, 3]
del a[0]
print(a)
