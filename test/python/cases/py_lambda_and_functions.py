# category: everyday
# what: lambdas, keyword-only and default arguments, functions as values
add = lambda a, b: a + b
print(add(2, 3), (lambda: "no args")(), (lambda *a: len(a))(1, 2, 3))
def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod
print(power(3), power(2, 10), power(2, 10, mod=1000))
ops = {"add": add, "pow": power}
print(ops["add"](1, 1), ops["pow"](5), sorted(["b", "A", "c"], key=lambda s: s.lower()))
print(add.__name__, power.__name__, power.__defaults__, power.__kwdefaults__)
