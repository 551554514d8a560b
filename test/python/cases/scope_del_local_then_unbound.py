# category: scope-lifetime
# what: deleting a local makes a later read raise UnboundLocalError
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
