# category: everyday
# what: zip, enumerate, map and filter results
names = ["a", "b", "c"]
scores = [90, 80]
print(list(zip(names, scores)))
print(list(enumerate(names, start=1)))
print(list(map(str.upper, names)), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x", None, []])))
print(dict(zip(names, range(3))))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
