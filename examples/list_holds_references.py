# A container holds references: [a, a] adds two to a's count.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
from sys import getrefcount

a = [1, 2, 3]
print(getrefcount(a))
b = [a, a]
print(getrefcount(a))
