# category: gc-tracking
# what: which kinds of objects the collector tracks
import gc
def f():
    pass
class C:
    pass
class S:
    __slots__ = ()
samples = [("list", []), ("set", set()), ("frozenset", frozenset([1])),
           ("function", f), ("class", C), ("instance", C()), ("slots instance", S()),
           ("str", "s"), ("bytes", b"b"), ("range", range(3)), ("lambda", lambda: 0)]
for name, obj in samples:
    print(name, gc.is_tracked(obj))
