# category: gc-generations
# what: a container created after collecting is in generation 0; after gc.collect() it is in the oldest
import gc
gc.collect()
gc.disable()
box = {"k": []}
def gens(o):
    return [g for g in range(3) if any(x is o for x in gc.get_objects(g))]
print(gens(box))
gc.collect()
print(gens(box))
fresh = [box]
print(gens(fresh), gens(box))
