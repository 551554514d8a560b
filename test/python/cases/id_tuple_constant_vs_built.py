# category: identity
# what: equal tuple literals in one script are one constant; tuples built at run time are new
a = (1, 2, 3)
b = (1, 2, 3)
print(a is b)
c = tuple([1, 2, 3])
print(a == c, a is c)
d = a[:]
print(d is a, tuple(a) is a)
e = a + ()
print(e is a)
