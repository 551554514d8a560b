# category: everyday
# what: slices with negative indexes, steps and assignment
s = list(range(10))
print(s[2:5], s[-3:], s[:-7], s[::3], s[::-2], s[8:2:-2])
s[2:4] = ["a", "b", "c"]
print(s)
s[::4] = [0] * len(s[::4])
print(s)
print("hello"[::-1], "hello"[1:-1], (1, 2, 3)[-1:])
