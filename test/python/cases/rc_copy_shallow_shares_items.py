# category: refcount-basic
# what: copy.copy shares the items (each gains a reference); a copied instance shares its attribute values
import copy
import sys
class Box:
    pass
item = [1, 2]
outer = [item, item]
print(sys.getrefcount(item))
flat = copy.copy(outer)
print(sys.getrefcount(item), flat is not outer, flat[0] is item)
box = Box()
box.content = item
other = copy.copy(box)
print(sys.getrefcount(item), other.content is item, type(other) is Box)
deep = copy.deepcopy(box)
print(sys.getrefcount(item), deep.content is not item, deep.content == item)
del flat, other, deep
print(sys.getrefcount(item))
