# category: identity
# what: incrementing across the small-int boundary stops sharing objects
a = 250
b = 250
for _ in range(10):
    a += 1
    b += 1
    if a is not b:
        print("first unshared value:", a)
        break
print(a == b)
