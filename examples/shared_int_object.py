# y = x makes y refer to the same int object as x.
# (From "How memory is managed in Python? | Complete Guide".)
x = 24
y = x

print(id(x) == id(y))
# Returns true if they refer to the same object
