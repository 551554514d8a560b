# category: identity
# what: int() of an exact int and float() of an exact float return the same object
big = 10 ** 30
print(int(big) is big)
n = 123456789
print(int(n) is n, +n is n, abs(n) is n)
neg = -n
print(abs(neg) is n, abs(neg) == n)
f = 3.75
print(float(f) is f)
