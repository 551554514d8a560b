# category: finalizers
# what: clearing a saved exception's traceback frees the frames' locals
class D:
    def __del__(self):
        print("local freed")
def fail():
    d = D()
    raise RuntimeError("x")
try:
    fail()
except RuntimeError as e:
    saved = e
print("handler done")
saved.__traceback__ = None
print("traceback cleared")
del saved
