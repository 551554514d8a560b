# b = a copies the reference, not the object: both names point at one object until a is
# rebound. (From "Understanding Python Memory Management and Reference Counting".)
a = 1
b = a
print(id(a))
print(id(b))
a = 3
print(id(a))
print(id(b))
