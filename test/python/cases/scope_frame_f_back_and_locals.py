# category: scope-lifetime
# what: sys._getframe sees the caller's frame and its locals
import sys
def callee():
    caller = sys._getframe(1)
    return caller.f_code.co_name, sorted(caller.f_locals)
def caller_fn():
    x = 1
    y = 2
    return callee()
print(caller_fn())
print(sys._getframe().f_code.co_name)
