# id() is the object's identity; in CPython, its address.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
a = 1
print(id(a))
print(hex(id(a)))
