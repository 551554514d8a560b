# category: version-specific
# what: sum() of floats uses compensated summation from 3.12, so 0.1 ten times sums to exactly 1.0
print(sum([0.1] * 10))
print(sum([0.1, 0.2, 0.3]))
print(sum([1e100, 1.0, -1e100]))
total = 0.0
for _ in range(10):
    total += 0.1
print(total)
