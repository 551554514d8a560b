# category: everyday
# what: printing nested containers, recursive containers and empty ones
a = [1, "two", 3.0, None, True, (4,), {"k": [5]}]
print(a)
r = [1]
r.append(r)
print(r)
d = {}
d["self"] = d
print(d)
print([], {}, (), set(), frozenset(), (1,), [()])
print({1: "a", "b": (2, 3)}, {frozenset([1]): 1})
