# category: everyday
# what: messages of common built-in exceptions
tests = [lambda: [][1], lambda: {}["k"], lambda: 1 + "a", lambda: None.attr,
         lambda: int("x"), lambda: 1 / 0, lambda: undefined_name, lambda: (1, 2)[5],
         lambda: "abc".index("z"), lambda: [].pop(), lambda: next(iter([]))]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
