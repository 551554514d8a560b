# category: gc-generations
# what: the generation of a surviving list after collections of increasing generation
import gc
gc.collect()
gc.disable()
def gen_of(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None
a = [1]
b = {"k": []}
print(gen_of(a), gen_of(b))
gc.collect(0)
print(gen_of(a), gen_of(b))
gc.collect(0)
print(gen_of(a), gen_of(b))
gc.collect(1)
print(gen_of(a), gen_of(b))
