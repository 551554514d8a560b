# category: identity
# what: a named tuple (any tuple subclass without its own __hash__) hashes and compares as a tuple: it finds the same dict keys
from collections import namedtuple
P = namedtuple('P', 'x y')
d = {(1, 2): 'tuple'}
print(d[P(1, 2)], hash(P(1, 2)) == hash((1, 2)), P(1, 2) in {(1, 2)}, {P(1, 2): 1, (1, 2): 2})
class T(tuple):
    pass
print({T((1,)): 'a'}[(1,)], len({T((3,)), (3,)}))
class H(tuple):
    def __hash__(self):
        return 7
print(hash(H((1,))), {H((1,)): 1}.get((1,)))
class E(tuple):
    def __eq__(self, o):
        return True
try:
    hash(E())
except TypeError as e:
    print(e)
