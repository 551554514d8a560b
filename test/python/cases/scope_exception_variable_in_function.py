# category: scope-lifetime
# what: inside a function the except-as name is deleted too
def f():
    try:
        raise OSError("disk")
    except OSError as err:
        msg = str(err)
    try:
        err
    except UnboundLocalError:
        return msg + " / err unbound"
print(f())
