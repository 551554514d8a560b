# category: identity
# what: float constants in one unit are shared, floats from arithmetic are new objects
x = 2.5
y = 2.5
print(x is y)
z = float("2.5")
print(x == z, x is z)
w = 1.25 * 2
print(w is x)
half = 1.25
print(half * 2 is x, half * 2 == x)
print(float(x) is x)
