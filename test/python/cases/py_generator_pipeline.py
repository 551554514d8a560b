# category: everyday
# what: chained generator expressions feeding each other lazily
nums = range(1, 11)
evens = (n for n in nums if n % 2 == 0)
squares = (n * n for n in evens)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
pairs = ((a, b) for a in "ab" for b in "xy")
print(list(pairs))
print(sum(x for x in range(5)), max((len(w), w) for w in ["aa", "b", "ccc"]))
