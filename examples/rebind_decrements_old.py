# Rebinding a to another object decrements the list's count.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
from sys import getrefcount

a = [1, 2, 3]
b = a
print(getrefcount(b))
a = 1
print(getrefcount(b))
