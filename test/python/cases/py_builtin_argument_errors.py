# category: everyday
# what: builtins called with too few or too many arguments raise CPython's TypeError (the arguments are checked first)
import builtins
calls = [
    ("abs", ()), ("len", (1, 2)), ("repr", ()), ("id", ()), ("hash", ()), ("chr", ()),
    ("globals", (1,)), ("locals", (1,)),
    ("divmod", (1,)), ("getattr", ()), ("getattr", (1, 2, 3, 4)), ("setattr", (1, 2)),
    ("hasattr", (1,)), ("delattr", ()), ("isinstance", (1,)), ("issubclass", ()),
    ("iter", ()), ("next", ()), ("format", ()), ("format", (1, 2, 3)),
    ("dir", (1, 2)), ("vars", (1, 2)), ("max", ()), ("min", ()), ("sorted", ()),
    ("sorted", ([], [])), ("pow", ()), ("pow", (2,)), ("pow", (1, 2, 3, 4)),
    ("round", ()), ("round", (1, 2, 3)), ("sum", ()), ("sum", (1, 2, 3)),
]
for name, args in calls:
    try:
        getattr(builtins, name)(*args)
    except TypeError as e:
        print(name, len(args), e)
for name in ["abs", "len", "divmod", "getattr", "globals", "iter"]:
    try:
        getattr(builtins, name)(1, x=1)
    except TypeError as e:
        print(name, "x=1", e)
print(sorted([3, 1, 2], reverse=True), max([1, 5], key=lambda v: -v), pow(2, exp=3), round(2.5, ndigits=None))
