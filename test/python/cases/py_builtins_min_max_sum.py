# category: everyday
# what: min, max, sum, any, all, abs, round with keys and defaults
nums = [4, -2, 7, 0]
print(min(nums), max(nums), sum(nums), sum(nums, 10))
print(min([], default="empty"), max("apple", "pear", key=len))
print(any(n > 5 for n in nums), all(n > -5 for n in nums))
print(sum([0.1] * 10), sum([[1], [2]], []))
print(max([(1, "b"), (1, "a"), (0, "z")]))
