# category: identity
# what: range objects and list elements from range() obey the same identity rules as ints
r1 = range(5)
r2 = range(5)
print(r1 is r2, r1 == r2)
items = list(range(300))
print(items[100] is 100, items[299] is items[299])
more = list(range(300))
print(items[299] is more[299], items[200] is more[200])
