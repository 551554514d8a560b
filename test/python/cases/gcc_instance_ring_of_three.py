# category: gc-cycles-basic
# what: three instances linked in a ring; 3.10 also counts each instance's __dict__
import gc
gc.collect()
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
a, b, c = Node("a"), Node("b"), Node("c")
a.next, b.next, c.next = b, c, a
del a, b, c
print(gc.collect())
