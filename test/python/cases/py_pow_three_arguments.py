# category: everyday
# what: pow(base, exp, mod): modular inverse for a negative exponent, the modulus's sign, CPython's errors
print(pow(2, 10, 1000), pow(2, -1, 5), pow(3, 4, -5), pow(-3, 3, 5), pow(7, 0, 1), pow(5, 3, None))
print(pow(38, -1, 97) * 38 % 97, pow(2, 10**20, 10**9 + 7))
for args in [(2, 3, 0), (2.0, 3, 5), (2, -1, 4)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
