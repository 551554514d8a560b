# category: everyday
# what: Counter, defaultdict, deque and namedtuple
from collections import Counter, defaultdict, deque, namedtuple
c = Counter("abracadabra")
print(c.most_common(2), c["z"])
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
dq.appendleft(0)
print(dq, dq.popleft(), dq)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x + p.y, p._replace(x=5), p._asdict())
