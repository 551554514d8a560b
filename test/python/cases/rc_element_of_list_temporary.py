# category: refcount-basic
# what: getrefcount of an element read out of a container counts the container's reference
import sys
inner = []
outer = [inner]
print(sys.getrefcount(outer[0]))
print(sys.getrefcount(inner))
d = {"k": inner}
print(sys.getrefcount(d["k"]))
t = (inner, inner)
print(sys.getrefcount(t[1]))
