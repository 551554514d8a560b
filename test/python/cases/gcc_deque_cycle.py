# category: gc-cycles-advanced
# what: a deque that holds itself (directly or through an object) is a cycle only the collector frees
import gc
from collections import deque
gc.collect()
gc.disable()
d = deque()
d.append(d)
print(d, len(d))
del d
print(gc.collect())
class Node:
    pass
n = Node()
q = deque([n, 1, "s"])
n.queue = q
del n, q
print(gc.collect())
it = iter(deque([1, 2]))
print(type(it).__name__, next(it), list(it))
dq = deque([1, 2, 3])
try:
    for x in dq:
        dq.append(x)
except RuntimeError as e:
    print(e)
print(dq)
