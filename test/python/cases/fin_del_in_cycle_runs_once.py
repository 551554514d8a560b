# category: finalizers
# what: a finalizer in a collected cycle runs once even if the cycle is collected again later
import gc
gc.collect()
gc.disable()
calls = []
class F:
    def __del__(self):
        calls.append("del")
f = F()
f.me = f
del f
gc.collect()
print(calls)
gc.collect()
print(calls)
