# category: everyday
# what: a caught exception's __traceback__ links the frames it passed through
import sys
def inner():
    raise LookupError("deep")
def outer():
    inner()
try:
    outer()
except LookupError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e)
print(sys.exc_info())
