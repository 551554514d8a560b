# del removes a name (one reference); it does not destroy the object by itself.
# (From "Understanding Python Memory Management and Reference Counting".)
a = 2
print(id(a))
del a
