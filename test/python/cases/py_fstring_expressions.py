# category: everyday
# what: f-strings with expressions, conversions, nested specs and = debugging
name = "memory"
width = 10
items = [1, 2, 3]
print(f"{name.upper()} {len(items)} {items[-1] * 2}")
print(f"{name!r} {name!s} {name:>{width}}")
print(f"{width=} {items=}")
print(f"{'nested' + ' quotes'}")
print(f"{3 > 2} {None} {[x * x for x in items]}")
