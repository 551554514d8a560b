# category: seed
# what: seed 000's b=a aliasing example; b keeps the old object after a=3 (ids compared, not printed)
a=1
b=a
print(id(a) == id(b))
a=3
print(id(a) == id(b))
print(a, b)
a=2
del a
try:
    print(a)
except NameError as e:
    print(e)
