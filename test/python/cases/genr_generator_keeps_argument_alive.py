# category: generators
# what: an unfinished generator keeps its arguments alive; exhausting it releases them
class Tracked:
    def __del__(self):
        print("argument freed")
def walk(obj):
    yield 1
    yield 2
g = walk(Tracked())
print(next(g))
print("still suspended")
print(list(g))
print("exhausted")
