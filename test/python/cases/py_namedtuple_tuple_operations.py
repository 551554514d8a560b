# category: everyday
# what: a named tuple is a tuple: concatenation, repetition and slicing give plain tuples; sorting, max, unpacking, count and index
from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p + (3,), (0,) + p, p * 2, p[0:1], p[::-1], type(p[0:2]).__name__, p[:] is p)
print(sorted([P(2, 1), P(1, 5)]), max([P(2, 1), P(1, 5)]), p < P(1, 3), 2 in p, p.count(2), p.index(2))
for x, y in [P(5, 6)]:
    print(x, y)
print(tuple(p), list(p), dict([P('a', 1)]), str(p), f"{p}")
