# category: seed
# what: seed 000's id() demo for a=1, b=1, c=2 and rebinding a=3, with ids compared instead of printed
a=1
b=1
c=2
print(id(a) == id(b))
print(id(a) == id(c))
a=3
print(id(a) == id(b))
print(b)
