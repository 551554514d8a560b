# A reference count going up and down, then an object that refers to itself, which only
# the cycle collector can free. (From "How Python Manages Memory: Simple Explanation and
# Examples".)
import sys
import gc

a = []
print('Initial ref count:', sys.getrefcount(a))  # Usually 2 (one from getrefcount argument, one from 'a')
b = a
print('Ref count after b = a:', sys.getrefcount(a))
del b
print('Ref count after del b:', sys.getrefcount(a))


# Create a cycle
class Node:
    def __init__(self):
        self.ref = self


node = Node()
print('Garbage collector before deleting node:', gc.collect())
del node
print('Garbage collector after deleting node:', gc.collect())
