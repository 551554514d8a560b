# category: gc-cycles-advanced
# what: a cycle created in a function's locals survives the call until gc runs
import gc
gc.collect()
gc.disable()
def build():
    a = {}
    b = {"a": a}
    a["b"] = b
    return len(a)
for _ in range(3):
    build()
print(gc.collect())
