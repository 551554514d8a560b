# category: sizes
# what: obj.__sizeof__() is sys.getsizeof(obj) without the collector's header (and the managed-dict pre-header of instances from 3.11)
import sys
from collections import defaultdict, OrderedDict, deque

class A:
    pass

class S:
    __slots__ = ('a',)

def f():
    pass

for o in [[1, 2, 3], (1, 2), {}, {'a': 1}, set(), 'abc', 5, 2**100, 1.5, None, A(), S(), f, b'ab', bytearray(b'ab'),
          defaultdict(), OrderedDict(a=1), deque([1, 2])]:
    print(type(o).__name__, o.__sizeof__(), sys.getsizeof(o), sys.getsizeof(o) - o.__sizeof__())
