# category: identity
# what: which full slices and constructor calls return the same object
s = "text value"
t = (1, 2)
l = [1, 2]
print(s[:] is s, str(s) is s)
print(t[:] is t, tuple(t) is t)
print(l[:] is l, list(l) is l)
f = frozenset([1, 2])
print(frozenset(f) is f)
b = b"bytes"
print(b[:] is b, bytes(b) is b)
