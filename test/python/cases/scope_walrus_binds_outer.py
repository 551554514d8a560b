# category: scope-lifetime
# what: an assignment expression in a comprehension binds in the enclosing scope
data = [3, 8, 1, 9]
big = [y for x in data if (y := x * 2) > 5]
print(big, y)
if (n := len(data)) > 3:
    print("long", n)
