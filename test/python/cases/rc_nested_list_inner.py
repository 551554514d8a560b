# category: containers
# what: an inner list is referenced by its name and by each outer list that contains it
import sys
inner = [0]
outer1 = [inner, [inner]]
outer2 = {"a": inner, "b": (inner,)}
print(sys.getrefcount(inner))
outer1[1].clear()
print(sys.getrefcount(inner))
del outer2
print(sys.getrefcount(inner))
