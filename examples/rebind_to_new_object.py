# Assigning a new object to a name drops the name's reference to the old object.
# (From "Understanding Python Memory Management and Reference Counting".)
a = 1
print(id(a))
a = 2
print(id(a))
