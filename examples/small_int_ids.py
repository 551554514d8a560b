# Two names bound to the same small int share one object; a third value is another object.
# (From "Understanding Python Memory Management and Reference Counting", an interactive
# session turned into a script.)
a = 1
b = 1
c = 2
print(id(a))
print(id(b))
print(id(c))

# Rebinding a makes it refer to a new object; b still refers to the old one.
a = 3
print(id(a))
print(id(b))
