# category: gc-cycles-advanced
# what: a suspended generator whose frame holds the generator: the collector closes it, which frees it by reference counting, so collect() reports 0
import gc
gc.collect()
gc.disable()
def gen():
    me = yield 1
    yield me
g = gen()
print(next(g))
print(g.send(g) is g)
del g
print(gc.collect())
