# category: referrers-referents
# what: the module's global namespace shows up among the referrers of a global object
import gc
thing = []
holders = gc.get_referrers(thing)
print(any(h is globals() for h in holders))
other = [thing]
holders = gc.get_referrers(thing)
print(any(h is other for h in holders))
def f(x):
    return any(h is other for h in gc.get_referrers(x))
print(f(thing))
