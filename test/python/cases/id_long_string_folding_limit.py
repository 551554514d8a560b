# category: identity
# what: constant folding of string repetition stops at 4096 characters
a = "ab" * 2048
b = "ab" * 2048
print(len(a), a is b)
c = "ab" * 2049
d = "ab" * 2049
print(len(c), c is d, c == d)
