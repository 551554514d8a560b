# category: everyday
# what: len, in and iteration order of built-in containers
d = {"z": 1, "a": 2, "m": 3}
print(len(d), list(d), "a" in d, 2 in d)
print(len("héllo"), len(b"h\xc3\xa9llo"), len(range(0, 10, 3)), len([[]] * 4))
print(list(reversed([1, 2, 3])), list(reversed(d)), list(range(5, 0, -2)))
print(5 in range(10), 10 in range(10), range(3)[-1], range(10)[2:8:3])
