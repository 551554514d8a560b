# category: weakref
# what: lists, dicts, ints and tuples cannot be weakly referenced; sets, functions and classes can
import weakref
def f():
    pass
class C:
    pass
for obj in ([], {}, 1, (), "s", set(), frozenset(), f, C, C()):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError:
        print(type(obj).__name__, "TypeError")
