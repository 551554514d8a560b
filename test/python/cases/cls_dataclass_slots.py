# category: classes-slots
# what: @dataclass(slots=True) makes a new class with __slots__: instances have no __dict__ and refuse new attributes
import sys
from dataclasses import dataclass
@dataclass(slots=True)
class P:
    x: int
    y: int = 0
p = P(1)
print(p, P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError")
val = [1]
q = P(val, val)
print(sys.getrefcount(val), q.x is q.y)
del q
print(sys.getrefcount(val), "x" in P.__dict__, type(P.__dict__["x"]).__name__)
