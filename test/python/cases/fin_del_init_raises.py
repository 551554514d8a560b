# category: finalizers
# what: if __init__ raises, the half-built object is still finalized
class Fragile:
    def __init__(self, fail):
        self.opened = True
        if fail:
            raise ValueError("init failed")
    def __del__(self):
        print("__del__ runs, opened =", self.opened)
try:
    Fragile(True)
except ValueError as e:
    print("caught", e)
ok = Fragile(False)
del ok
print("end")
