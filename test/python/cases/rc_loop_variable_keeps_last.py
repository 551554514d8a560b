# category: refcount-basic
# what: a for-loop variable keeps a reference to the last element after the loop
import sys
items = [[1], [2], [3]]
last = items[2]
print(sys.getrefcount(last))
for it in items:
    pass
print(sys.getrefcount(last))
del items[2]
print(sys.getrefcount(last))
del it
print(sys.getrefcount(last))
