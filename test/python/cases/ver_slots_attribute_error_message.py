# category: version-specific
# what: the AttributeError message for a missing slot attribute gained a "no __dict__" note in 3.13
class P:
    __slots__ = ("x",)
p = P()
try:
    p.y = 1
except AttributeError as e:
    print(e)
try:
    p.x
except AttributeError as e:
    print(e)
