# category: gc-cycles-advanced
# what: a namedtuple class and a dataclass are cycles of many objects (functions, closures, fields) that the collector frees together
import gc
from collections import namedtuple
from dataclasses import dataclass, field
gc.collect()
gc.disable()
P = namedtuple("P", "x y")
p = P(1, 2)
del P
print(gc.collect(), type(p).__name__)
del p
print(gc.collect())
@dataclass
class A:
    x: int
    y: list = field(default_factory=list)
print(A(1))
del A
print(gc.collect())
class Plain:
    pass
del Plain
print(gc.collect())
