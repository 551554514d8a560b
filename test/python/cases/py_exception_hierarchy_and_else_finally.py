# category: everyday
# what: except order, else and finally clauses
def attempt(v):
    try:
        r = 10 / v
    except ZeroDivisionError:
        print("zero")
        return "handled"
    except (TypeError, ValueError) as e:
        print("bad type", type(e).__name__)
        return "handled2"
    else:
        print("no error")
        return r
    finally:
        print("finally for", repr(v))
print(attempt(2))
print(attempt(0))
print(attempt("x"))
