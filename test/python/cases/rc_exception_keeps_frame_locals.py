# category: refcount-functions
# what: a saved exception's traceback keeps the raising frame's locals alive
import sys
def fail(arg):
    local = arg
    raise RuntimeError("x")
payload = []
try:
    fail(payload)
except RuntimeError as e:
    saved = e
print(sys.getrefcount(payload) > 2)
saved = None
print(sys.getrefcount(payload))
