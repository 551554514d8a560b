# category: identity
# what: two objects alive at the same time never share an id
a = [1]
b = [1]
print(id(a) == id(b), a == b)
c = a
print(id(c) == id(a))
objs = [object() for _ in range(5)]
print(len({id(o) for o in objs}))
