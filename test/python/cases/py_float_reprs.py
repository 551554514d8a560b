# category: everyday
# what: shortest repr of floats, rounding and special values
print(0.1 + 0.2, 1 / 3, 2 / 2, 10 / 4)
print(1e16, 1e-5, 123456789.0 * 1000, 1.5e300 * 1e10)
print(float("nan"), -float("inf"), -0.0)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(3.0, 3.10, 100.0 / 3)
print(repr(1.1), str(2.0 ** 0.5))
