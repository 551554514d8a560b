# category: refcount-functions
# what: getrefcount of a value returned by a call, fresh and already stored
import sys
stored = []
def fresh():
    return []
def existing():
    return stored
print(sys.getrefcount(fresh()))
print(sys.getrefcount(existing()))
print(sys.getrefcount([]))
print(sys.getrefcount(stored))
