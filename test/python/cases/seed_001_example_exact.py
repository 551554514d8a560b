# category: seed
# what: seed 001's Example section pasted as a script (no gc.collect() first)
import sys
import gc
a = []
print('Initial ref count:', sys.getrefcount(a)) # Usually 2 (one from getrefcount argument, one from 'a')
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
