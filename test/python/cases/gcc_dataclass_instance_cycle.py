# category: gc-cycles-advanced
# what: dataclass instances are ordinary instances: their cycles need the collector, their fields count references
import gc
import sys
from dataclasses import dataclass, field
gc.collect()
gc.disable()
@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)
    parent: object = None
root = Node("root")
leaf = Node("leaf", parent=root)
root.children.append(leaf)
print(sys.getrefcount(root), sys.getrefcount(leaf), gc.is_tracked(root))
print(leaf.parent is root, root.children[0] is leaf)
del root, leaf
print(gc.collect())
payload = [1, 2, 3]
n = Node("n", payload)
print(sys.getrefcount(payload), n.children is payload)
del n
print(sys.getrefcount(payload))
