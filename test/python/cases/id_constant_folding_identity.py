# category: identity
# what: folded constant expressions are one object; the same value computed at run time is another
x = 1000
y = 999 + 1
print(x is y)
n = 999
z = n + 1
print(x == z, x is z)
s = "ab" * 3
t = "ababab"
print(s is t)
u = "ab"
print(u * 3 is t, u * 3 == t)
