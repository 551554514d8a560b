# getrefcount() counts its own argument too; an alias adds one.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
from sys import getrefcount

a = [1, 2, 3]
print(getrefcount(a))
b = a
print(getrefcount(b))
