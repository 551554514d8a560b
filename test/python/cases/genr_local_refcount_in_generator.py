# category: generators
# what: a suspended generator's frame holds a reference to objects passed in
import sys
def gen(obj):
    yield sys.getrefcount(obj)
    yield sys.getrefcount(obj)
x = []
g = gen(x)
print(sys.getrefcount(x))
print(next(g))
print(sys.getrefcount(x))
print(next(g))
del g
print(sys.getrefcount(x))
