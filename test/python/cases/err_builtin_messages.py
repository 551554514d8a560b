# category: everyday
# what: the errors builtins raise carry CPython's wording per version: sequence repetition, string indices, dict() from pairs, modulo by zero, abs/round, % and format() codes, manual/automatic field numbering, the 4,300-digit limit
checks = [
    lambda: "a" * "b", lambda: [] * 2.0, lambda: "abc"["a"], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]),
    lambda: 1 % 0, lambda: 1.0 % 0, lambda: divmod(1, 0), lambda: abs("x"), lambda: round("x"),
    lambda: "%d" % "a", lambda: "%x" % 3.5, lambda: "%f" % None, lambda: "%d" % 3.7, lambda: "%d" % -3.7,
    lambda: "{0} {}".format(1, 2), lambda: "{} {0}".format(1, 2), lambda: f"{1:q}", lambda: format("s", "d"), lambda: format([], "x"),
    lambda: format(None, ""), lambda: str(10 ** 4300)[:3], lambda: str(10 ** 4299)[:3], lambda: int("9" * 4301), lambda: hex(10 ** 5000)[:4],
]
for i, check in enumerate(checks):
    try:
        print(i, repr(check()))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(i, type(e).__name__, e)
