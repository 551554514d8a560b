# category: seed
# what: seed 003's x = 24; y = x; id comparison
x = 24
y = x
print(id(x) == id(y))
# Returns true if they refer to the same object
