# category: generators
# what: the outermost iterable of a generator expression is evaluated immediately
items = [1, 2]
ge = (x for x in items)
items = [10, 20, 30]
print(list(ge))
def source():
    print("source called")
    return [1]
g2 = (y for y in source())
print("created")
print(list(g2))
