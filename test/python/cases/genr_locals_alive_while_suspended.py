# category: generators
# what: a suspended generator keeps its locals alive; closing it releases them
class Tracked:
    def __del__(self):
        print("local released")
def gen():
    t = Tracked()
    yield 1
    yield 2
g = gen()
print(next(g))
print("suspended")
g.close()
print("closed")
