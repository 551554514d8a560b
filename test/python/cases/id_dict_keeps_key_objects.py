# category: identity
# what: a dict stores the exact key object first inserted; later equal keys do not replace it
k1 = (1, 2, [3][0])
k2 = tuple([1, 2, 3])
d = {k1: "first"}
d[k2] = "second"
key = next(iter(d))
print(key is k1, key is k2, d[k1])
s1 = "".join(["ke", "y"])
s2 = "".join(["k", "ey"])
e = {s1: 1}
e[s2] = 2
print(next(iter(e)) is s1, e)
