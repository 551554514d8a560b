# category: refcount-basic
# what: a property returning a stored list gives a new reference, not a copy
import sys
class Box:
    def __init__(self):
        self._items = []
    @property
    def items(self):
        return self._items
b = Box()
print(sys.getrefcount(b._items))
got = b.items
print(got is b._items, sys.getrefcount(got))
print(sys.getrefcount(b.items))
