# category: everyday
# what: set algebra with sorted output
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= b, {3} < b, a.isdisjoint({9}))
a.update([10, 11])
a.difference_update({1, 2})
print(sorted(a))
c = set("mississippi")
print(sorted(c), len(c))
print({x % 3 for x in range(10)})
