# category: generators
# what: a generator created from a closure keeps the closure's cell contents alive
import sys
def outer():
    data = [1, 2, 3]
    def gen():
        for x in data:
            yield x
    return gen(), data
g, data = outer()
print(sys.getrefcount(data))
print(list(g))
print(sys.getrefcount(data))
del g
print(sys.getrefcount(data))
