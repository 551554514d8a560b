# category: gc-cycles-advanced
# what: a function whose mutable default list contains the function
import gc
gc.collect()
gc.disable()
def f(reg=[]):
    return len(reg)
f.__defaults__[0].append(f)
print(f())
del f
print(gc.collect())
