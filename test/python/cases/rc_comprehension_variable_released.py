# category: refcount-basic
# what: after a list comprehension the iteration variable no longer holds its last element
import sys
objs = [[i] for i in range(3)]
last = objs[-1]
print(sys.getrefcount(last))
copies = [o for o in objs]
print(sys.getrefcount(last))
del copies
print(sys.getrefcount(last))
total = sum(len(o) for o in objs)
print(total, sys.getrefcount(last))
