# category: generators
# what: a suspended generator in a garbage cycle runs its finally when collected
import gc
gc.collect()
gc.disable()
def gen(holder):
    try:
        yield 1
    finally:
        print("finally in collect")
box = []
g = gen(box)
box.append(g)
next(g)
del g, box
print("collecting")
print(gc.collect() > 0)
print("done")
