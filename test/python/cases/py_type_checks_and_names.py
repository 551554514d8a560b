# category: everyday
# what: type(), isinstance with tuples, __name__ and __class__
values = [1, 1.0, "s", [1], (1,), {1: 1}, {1}, None, True, b"b", 1j, range(1)]
print([type(v).__name__ for v in values])
print(isinstance(True, (str, int)), type(True) is int, type(1) is int)
print(int.__name__, (1).__class__.__name__, type(type).__name__, type(int).__name__)
print(callable(len), callable(5), callable(int))
