# category: gc-generations
# what: the info dict passed to gc callbacks has generation, collected and uncollectable
import gc
gc.collect()
gc.disable()
seen = []
def cb(phase, info):
    seen.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
for s in seen:
    print(s)
