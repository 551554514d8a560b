# category: classes-slots
# what: frozen dataclasses refuse assignment (FrozenInstanceError), order=True compares field tuples, eq makes instances unhashable
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
v = Version(1, 2)
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except AttributeError as e:
    print(e)
print(v < Version(1, 3), Version(2) > v, sorted([Version(3), Version(1, 5), v]))
print(hash(v) == hash(Version(1, 2)), {v: "ok"}[Version(1, 2)])
@dataclass
class Mutable:
    x: int
m = Mutable(1)
print(Mutable.__hash__, m == Mutable(1), m != Mutable(2))
try:
    hash(m)
except TypeError as e:
    print(e)
m.x = 5
print(m, Version.__match_args__, Version.__doc__)
@dataclass(eq=False)
class Ident:
    x: int
print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)
