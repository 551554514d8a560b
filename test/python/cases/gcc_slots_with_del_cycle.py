# category: gc-cycles-advanced
# what: a cycle of slotted instances with __del__ is collected and finalized
import gc
gc.collect()
gc.disable()
class S:
    __slots__ = ("name", "peer")
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a, b = S("a"), S("b")
a.peer, b.peer = b, a
del a, b
print("collected", gc.collect())
