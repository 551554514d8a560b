# category: identity
# what: a freed object's address goes to the next object of its kind or size, so ids of objects that never lived at the same time can be equal
print(id([]) == id([]))
print(id(object()) == id(object()))
print(id((1, 2)) == id((3, 4)))
a = [1, 2, 3]
old = id(a)
del a
b = []
print(id(b) == old)
o = object()
first = id(o)
del o
print(id(object()) == first)
kept = [[] for _ in range(3)]
print(len({id(x) for x in kept}))
half = 0.5
x = half * 3
fid = id(x)
del x
y = half * 5
print(id(y) == fid, y)
