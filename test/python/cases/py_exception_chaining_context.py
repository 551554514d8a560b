# category: everyday
# what: raise from sets __cause__; raising in except sets __context__
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as err:
    print(repr(err), repr(err.__cause__), err.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as err:
    print(type(err.__context__).__name__, err.__cause__)
