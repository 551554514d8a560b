# category: scope-lifetime
# what: a comprehension's variable does not leak; a for loop's variable does
x = "outer"
squares = [x * x for x in range(4)]
print(x, squares)
for y in range(3):
    pass
print(y)
total = {k: v for k, v in [("a", 1)]}
print("k" in globals(), total)
