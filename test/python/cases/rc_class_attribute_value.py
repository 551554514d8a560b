# category: refcount-basic
# what: a class attribute is held once by the class namespace; reading it through instances adds nothing
import sys
shared = []
class K:
    items = shared
print(sys.getrefcount(shared))
a = K()
b = K()
print(a.items is b.items, sys.getrefcount(shared))
a.items = shared
print(sys.getrefcount(shared))
del K.items
print(sys.getrefcount(shared), a.items is shared)
