# category: everyday
# what: star unpacking in assignments, calls and literals
first, *middle, last = range(6)
print(first, middle, last)
def f(a, b, *rest, key=None, **extra):
    return a, b, rest, key, sorted(extra.items())
print(f(1, 2, 3, 4, key="k", z=1, y=2))
args = [1, 2]
kwargs = {"key": 5}
print(f(*args, **kwargs))
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1], 2))
