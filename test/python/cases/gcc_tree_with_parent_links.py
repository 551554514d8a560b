# category: gc-cycles-advanced
# what: a tree whose children point back to their parent is one big cycle
import gc
gc.collect()
gc.disable()
class T:
    __slots__ = ("parent", "kids")
    def __init__(self, parent=None):
        self.parent = parent
        self.kids = []
        if parent is not None:
            parent.kids.append(self)
root = T()
for _ in range(3):
    child = T(root)
    T(child)
del root, child
print(gc.collect())
