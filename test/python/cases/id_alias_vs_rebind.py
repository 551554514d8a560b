# category: identity
# what: += on a list keeps the object; a = a + [...] rebinds to a new list
a = [1]
b = a
a += [2]
print(a is b, b)
a = a + [3]
print(a is b, a, b)
s = "x"
t = s
s += "y"
print(s is t, s, t)
