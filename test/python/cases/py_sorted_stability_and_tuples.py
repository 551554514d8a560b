# category: everyday
# what: sorting is stable and compares tuples element by element
people = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people))
print(sorted("banana"), sorted([3, 1, 2], reverse=True))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
