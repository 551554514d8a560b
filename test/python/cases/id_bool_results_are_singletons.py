# category: identity
# what: comparisons and bool() always return the two singleton bools
a = 3
print((a == 3) is True, (a > 5) is False)
print(bool([1]) is True, bool("") is False)
print(not a is False)
print(isinstance(True, int), True + True)
print(type(None)() is None)
