# category: refcount-basic
# what: a deque holds a reference to each item; maxlen evicts from the other end and frees what nobody else holds
import gc
import sys
from collections import deque
class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
t = Tag("t")
d = deque([t, t])
print(sys.getrefcount(t), gc.is_tracked(d), gc.is_tracked(deque()))
bounded = deque(maxlen=2)
bounded.append(Tag("a"))
bounded.append(Tag("b"))
print("appending c")
bounded.append(Tag("c"))
print([x.name for x in bounded], bounded.maxlen)
print("appendleft z")
bounded.appendleft(Tag("z"))
print([x.name for x in bounded])
popped = d.popleft()
print(sys.getrefcount(t), popped is t, len(d))
d.clear()
del popped
print(sys.getrefcount(t))
bounded.rotate(1)
print([x.name for x in bounded], bounded[0].name, bounded[-1].name)
del bounded
del d, t
print("end")
