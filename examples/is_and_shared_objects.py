# Which equal values are one object? Small ints are cached and short identifier-like strings
# interned; in a script, equal constants compiled together are also shared, so the long
# string compares `is`-equal here although the article (typing at the prompt) shows False.
# New lists are always distinct objects.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
a = 1
b = 1
print(a is b)

a = "good"
b = "good"
print(a is b)

a = "very good morning"
b = "very good morning"
print(a is b)

a = []
b = []
print(a is b)
