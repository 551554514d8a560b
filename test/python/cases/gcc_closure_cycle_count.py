# category: gc-cycles-advanced
# what: a function stored in the list its closure refers to (function, cell, closure tuple and list)
import gc
gc.collect()
gc.disable()
def make():
    box = []
    def f():
        return box
    box.append(f)
make()
print(gc.collect())
