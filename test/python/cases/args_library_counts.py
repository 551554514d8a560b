# category: robustness
# what: wrong argument counts to the library's classes and the C modules' functions raise CPython's TypeError, never a crash
from collections import deque, OrderedDict, defaultdict, Counter
import weakref, gc, sys

class C:
    pass

c = C()
calls = [
    (deque, ['append', 'appendleft', 'pop', 'extend', 'count', 'index', 'insert', 'rotate', 'copy']),
    (OrderedDict, ['move_to_end', 'popitem', 'pop', 'setdefault', 'keys']),
    (defaultdict, ['copy', '__missing__']),
    (Counter, ['most_common', 'elements', 'subtract', '__missing__', '__add__']),
    (weakref.WeakValueDictionary, ['get', 'pop', 'setdefault', '__getitem__', '__setitem__']),
    (weakref.WeakKeyDictionary, ['get', 'keys', '__setitem__']),
    (weakref.WeakSet, ['add', 'discard', '__contains__']),
]
for make, names in calls:
    for name in names:
        for count in (0, 3):
            try:
                getattr(make(), name)(*[c] * count)
            except TypeError as e:
                print(make.__name__, name, count, e)
            except LookupError:
                pass
for module, names in [(gc, ['collect', 'enable', 'is_tracked', 'get_objects', 'set_threshold']), (sys, ['getrefcount', 'intern', 'getsizeof', '_getframe']), (weakref, ['proxy', 'getweakrefcount'])]:
    for name in names:
        for count in (0, 4):
            try:
                getattr(module, name)(*[c] * count)
            except TypeError as e:
                print(module.__name__, name, count, e)
for call in (lambda: filter(None), lambda: reversed(), lambda: enumerate(), lambda: staticmethod(), lambda: slice(), lambda: setattr(c, 1, 2), lambda: getattr(c, 1), lambda: c.__setattr__(None, 1), lambda: ord([1]), lambda: chr('a')):
    try:
        call()
    except TypeError as e:
        print(e)
