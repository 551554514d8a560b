# category: seed
# what: seed 004's Node Alpha/Beta cycle, with counts printed and a collection afterwards
import gc
import sys
class Node:
    def __init__(self, name):
        self.name = name
        self.connection = None

# Create two objects that reference each other
node_a = Node("Alpha")
node_b = Node("Beta")

node_a.connection = node_b
node_b.connection = node_a
print(sys.getrefcount(node_a), sys.getrefcount(node_b))

# Deleting the local names does not drop the count to zero
# node_a still has a reference from node_b.connection
del node_a
del node_b
print(gc.collect())
