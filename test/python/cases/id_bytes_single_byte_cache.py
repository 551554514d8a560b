# category: identity
# what: single-byte bytes objects are cached singletons
a = bytes([65])
b = b"AB"[0:1]
print(a is b, a)
c = bytes([200])
d = bytes([200])
print(c is d)
e = b"two"[:2]
f = b"two"[:2]
print(e is f, e == f)
