# category: identity
# what: copy and deepcopy of deque, defaultdict, OrderedDict, Counter, namedtuple and dataclass instances
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
from dataclasses import dataclass, field
inner = [1]
d = deque([inner], maxlen=3)
d2, d3 = copy.copy(d), copy.deepcopy(d)
print(d2, d2.maxlen, d2[0] is inner, d3[0] is not inner, type(d3).__name__)
dd = defaultdict(list, k=inner)
dd2, dd3 = copy.copy(dd), copy.deepcopy(dd)
print(dd2, dd2["k"] is inner, dd3["k"] is not inner, dd3.default_factory is list)
od = OrderedDict(b=inner, a=2)
od2, od3 = copy.copy(od), copy.deepcopy(od)
print(od2, od2["b"] is inner, od3["b"] is not inner, list(od3))
c = Counter("aab")
print(copy.copy(c), copy.deepcopy(c) == c, type(copy.copy(c)).__name__)
P = namedtuple("P", "x y")
p = P(inner, 2)
p2, p3 = copy.copy(p), copy.deepcopy(p)
print(p2, p2 is not p, p2.x is inner, p3.x is not inner, type(p3).__name__)
@dataclass
class Item:
    name: str
    tags: list = field(default_factory=list)
it = Item("a", inner)
it2, it3 = copy.copy(it), copy.deepcopy(it)
print(it2, it2.tags is inner, it3.tags is not inner, it3 == it)
