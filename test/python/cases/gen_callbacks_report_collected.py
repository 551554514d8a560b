# category: gc-generations
# what: gc.callbacks receive the number of collected objects and the generation
import gc
gc.collect()
gc.disable()
log = []
def cb(phase, info):
    if phase == "stop":
        log.append((info["generation"], info["collected"]))
gc.callbacks.append(cb)
for n in range(3):
    for _ in range(n + 1):
        x = []
        x.append(x)
    del x
    gc.collect(n)
gc.callbacks.remove(cb)
print(log)
