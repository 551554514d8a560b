# category: refcount-functions
# what: a variable captured by a nested function is held by the cell, not by the outer frame after return
import sys
def make(obj):
    def get():
        return obj
    return get
item = [1]
print(sys.getrefcount(item))
g = make(item)
print(sys.getrefcount(item))
g2 = make(item)
print(sys.getrefcount(item))
del g
print(sys.getrefcount(item))
del g2
print(sys.getrefcount(item))
