# category: generators
# what: a suspended generator in a cycle has its finally and locals released during collection
import gc
gc.collect()
gc.disable()
class L:
    def __del__(self):
        print("local freed")
def gen():
    local = L()
    try:
        yield 1
    finally:
        print("finally")
g = gen()
next(g)
holder = [g]
holder.append(holder)
del g, holder
print("collect", gc.collect())
