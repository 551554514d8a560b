# category: finalizers
# what: frame locals referenced by a caught exception's traceback die when the handler ends
class D:
    def __del__(self):
        print("local freed")
def fail():
    d = D()
    raise KeyError("x")
try:
    fail()
except KeyError as err:
    print("in handler")
print("after handler")
