# del on a name drops one reference; del on a list item removes the item.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
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
