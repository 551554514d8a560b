# category: seed
# what: seed 002's four is-operator blocks pasted as one script (the long string is shared in a script)
# True
a = 1
b = 1
print(a is b)

# True
a = "good"
b = "good"
print(a is b)

# False
a = "very good morning"
b = "very good morning"
print(a is b)

# False
a = []
b = []
print(a is b)
