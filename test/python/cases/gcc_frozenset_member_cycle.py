# category: gc-cycles-advanced
# what: an instance referring to a frozenset that contains the instance
import gc
gc.collect()
gc.disable()
class Member:
    pass
m = Member()
m.group = frozenset([m, 1, 2])
print(m in m.group)
del m
print(gc.collect())
