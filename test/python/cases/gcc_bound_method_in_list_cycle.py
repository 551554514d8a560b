# category: gc-cycles-advanced
# what: a list of bound methods stored on their instance forms a cycle
import gc
gc.collect()
gc.disable()
class Handler:
    def on(self):
        pass
h = Handler()
h.callbacks = [h.on, h.on]
del h
print(gc.collect())
