# category: gc-cycles-advanced
# what: during a collection weakref callbacks run before the cycle members' __del__ methods
import gc
import weakref
gc.collect()
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
wr = weakref.ref(a, lambda r: print("callback a"))
del a, b
print("collect:", gc.collect())
