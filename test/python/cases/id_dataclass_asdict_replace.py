# category: identity
# what: fields(), asdict() copies nested containers (new lists and dicts, same atoms), replace() makes a new instance
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Shape:
    name: str
    points: list = field(default_factory=list)
    meta: dict = field(default_factory=dict, repr=False)
s = Shape("tri", [Point(0, 0), Point(1, 0)], {"k": [1]})
print(s)
print([f.name for f in fields(s)], [f.repr for f in fields(Shape)])
d = asdict(s)
print(d)
print(d["points"] is not s.points, d["meta"]["k"] is not s.meta["k"], d["name"] is s.name)
print(astuple(Point(3, 4)), is_dataclass(s), is_dataclass(Shape), is_dataclass(d))
s2 = replace(s, name="sq")
print(s2.name, s2.points is s.points, s2 is not s, s2 == s)
try:
    replace(s, nope=1)
except TypeError as e:
    print(e)
print(Shape("a") == Shape("a"), Shape("a").points is not Shape("a").points)
