# category: gc-tracking
# what: a namedtuple class is a tuple subclass; its instances hold their class and stay tracked by the collector
import gc
import sys
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
print(sys.getrefcount(Point))
p = Point(1, y=2)
q = Point._make([3, 4])
print(sys.getrefcount(Point), isinstance(p, tuple), type(p).__mro__)
print(p, q, p.x, p[1], p == (1, 2), len(p))
t = (1, 2)
gc.collect()
print(gc.is_tracked(p), gc.is_tracked(t), gc.is_tracked(q))
r = p._replace(x=10)
print(r, r.y is p.y, r is not p, Point._fields, p._asdict())
x, y = p
print(x, y, Point.x.__doc__, hasattr(p, "__dict__"))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
Pt3 = namedtuple("Pt3", "a b c", defaults=[0, 9])
print(Pt3(1), Pt3._field_defaults, Pt3.__new__.__defaults__)
del p, q, r
print(sys.getrefcount(Point))
