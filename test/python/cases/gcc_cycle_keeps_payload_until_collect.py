# category: gc-cycles-basic
# what: an object hanging off a cycle is freed when the collector frees the cycle
import gc
gc.collect()
gc.disable()
class Payload:
    def __del__(self):
        print("payload freed")
a = []
b = [a, Payload()]
a.append(b)
del a, b
print("before collect")
print("collected", gc.collect())
print("after collect")
