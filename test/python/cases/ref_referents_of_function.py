# category: referrers-referents
# what: a plain function's referents include its globals dict and its code object
import gc
def f(a=[1]):
    return a
refs = gc.get_referents(f)
print(any(r is globals() for r in refs))
print(any(r is f.__code__ for r in refs))
print(any(r is f.__defaults__ for r in refs))
