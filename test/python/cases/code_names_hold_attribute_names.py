# category: constants
# what: a code object's co_names holds the global and attribute names it uses, so an attribute's name string lives on after every instance dict using it is gone
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.connection = None
print(Node.__init__.__code__.co_names)
print(Node.__init__.__code__.co_varnames)
a = Node("A")
b = Node("B")
a.connection = b
b.connection = a
key = [k for k in a.__dict__][1]
print(key, key in Node.__init__.__code__.co_names)
del a, b, key
print(gc.collect())
print(Node.__init__.__code__.co_names[1])
