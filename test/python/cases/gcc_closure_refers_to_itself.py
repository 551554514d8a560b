# category: gc-cycles-advanced
# what: a nested function that refers to its own name forms a function-cell cycle
import gc
gc.collect()
gc.disable()
def make():
    def rec(n):
        return 0 if n == 0 else rec(n - 1) + 1
    return rec
f = make()
print(f(5))
del f
print(gc.collect())
