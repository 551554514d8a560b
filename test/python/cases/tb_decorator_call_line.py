# category: version-specific
# what: a failing decorator is reported at the def line in 3.10 and at the decorator's own line from 3.11 (innermost decorator first)
def bad(f):
    raise ValueError("bad " + f.__name__)

def named(f):
    print("decorating", f.__name__)
    return f

try:
    @named
    @bad
    @named
    def g():
        pass
except ValueError as e:
    print(e, e.__traceback__.tb_lineno)

try:
    @bad
    class C:
        pass
except ValueError as e:
    print(e, e.__traceback__.tb_lineno)
