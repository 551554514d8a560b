# category: finalizers
# what: locals of a function that raises are finalized when the traceback is released
class D:
    def __del__(self):
        print("local finalized")
def boom():
    d = D()
    raise ValueError("bad")
try:
    boom()
except ValueError:
    print("caught")
print("after try")
