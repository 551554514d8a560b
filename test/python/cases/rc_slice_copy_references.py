# category: containers
# what: a slice copy takes a new reference to every element it copies
import sys
e = [1]
lst = [e, e, 0, e]
print(sys.getrefcount(e))
part = lst[1:]
print(sys.getrefcount(e))
full = lst[:]
print(sys.getrefcount(e))
rev = lst[::-1]
print(sys.getrefcount(e))
del part, full, rev
print(sys.getrefcount(e))
