# Two nodes that refer to each other stay alive after their names are deleted, until the
# cycle collector finds them. (From "Mastering Python Reference Counting and Object
# Lifecycle Management".)
class Node:
    def __init__(self, name):
        self.name = name
        self.connection = None


# Create two objects that reference each other
node_a = Node("Alpha")
node_b = Node("Beta")

node_a.connection = node_b
node_b.connection = node_a

# Deleting the local names does not drop the count to zero
# node_a still has a reference from node_b.connection
del node_a
del node_b
