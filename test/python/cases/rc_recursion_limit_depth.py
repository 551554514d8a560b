# category: refcount-functions
# what: RecursionError at the limit counts the module's frame; the frames it unwinds release their locals
import sys
class Token:
    pass
t = Token()
def f(n, keep):
    return f(n + 1, keep)
try:
    f(0, t)
except RecursionError as e:
    print(type(e).__name__, e)
print(sys.getrefcount(t))
sys.setrecursionlimit(60)
depth = 0
def g():
    global depth
    depth += 1
    g()
try:
    g()
except RecursionError:
    print(depth)
