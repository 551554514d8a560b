# category: gc-cycles-advanced
# what: an unstarted generator in a cycle: 3.10/3.11 close it while collecting (freed by refcount, collect() says 0); 3.12+ count generator and list
import gc
gc.collect()
gc.disable()
def gen(box):
    yield len(box)
box = []
box.append(gen(box))
del box
print(gc.collect())
