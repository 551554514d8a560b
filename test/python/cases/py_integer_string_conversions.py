# category: everyday
# what: str, int, float conversions and their errors
print(int("  42 "), int("-7"), int(3.99), int(-3.99), float("1e3"), str(12.0))
for bad in ["4.5", "abc", ""]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
print(int("1_000"), float("inf") > 10 ** 300, round(-2.5), round(3.14159, 3))
