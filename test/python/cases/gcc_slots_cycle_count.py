# category: gc-cycles-basic
# what: instances with __slots__ have no dict; a two-instance cycle is counted as two
import gc
gc.collect()
gc.disable()
class S:
    __slots__ = ("peer",)
a, b = S(), S()
a.peer, b.peer = b, a
del a, b
print(gc.collect())
