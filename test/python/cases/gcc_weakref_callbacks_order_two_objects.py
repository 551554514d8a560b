# category: weakref
# what: during a collection, callbacks of weak references to several garbage objects all run
import gc
import weakref
gc.collect()
gc.disable()
class N:
    def __init__(self, name):
        self.name = name
nodes = [N(c) for c in "abc"]
for i, n in enumerate(nodes):
    n.next = nodes[(i + 1) % 3]
log = []
refs = [weakref.ref(n, lambda r, name=n.name: log.append(name)) for n in nodes]
del n
nodes.clear()
print(log)
gc.collect()
print(sorted(log), len(log))
