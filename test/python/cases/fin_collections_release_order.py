# category: finalizers
# what: the order each collections type and a dataclass release what they hold (an OrderedDict: its nodes, then its dict in insertion order)
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
from dataclasses import dataclass
class T:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
    def __call__(self): return 0
    def __repr__(self): return self.n
print('deque'); d = deque([T('a'), T('b'), T('c')]); del d
print('dd'); dd = defaultdict(T('factory')); dd[T('k1')] = T('v1'); dd['k2'] = T('v2'); del dd
print('od'); od = OrderedDict(); od[T('ok1')] = T('ov1'); od[T('ok2')] = T('ov2'); od.move_to_end(list(od)[0]); del od
print('counter'); c = Counter(); c[T('ck')] = 1; del c
print('nt'); P = namedtuple('P', 'a b'); p = P(T('na'), T('nb')); del p
@dataclass
class DC:
    a: object
    b: object
print('dc'); x = DC(T('da'), T('db')); del x
print('pop'); d = deque([T('p1'), T('p2')]); d.pop(); print('after pop'); d.popleft(); print('after popleft')
d = deque([T('r1'), T('r2'), T('r3')]); del d[1]; print('after del'); d.remove(d[0]); print('after remove'); d.clear(); print('end')
print('clear'); od = OrderedDict(); od[T('c1')] = T('cv1'); od[T('c2')] = T('cv2'); od.move_to_end(list(od)[0]); od.clear(); print('cleared')
import gc
print('gc'); od = OrderedDict(); od[T('g1')] = od; od[T('g2')] = T('gv2'); od.move_to_end(list(od)[0]); del od; gc.collect(); print('collected')
