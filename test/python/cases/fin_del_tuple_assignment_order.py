# category: finalizers
# what: a tuple assignment rebinds targets left to right, finalizing old values in that order
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a, b = D("a1"), D("b1")
print("rebinding")
a, b = D("a2"), D("b2")
print("deleting b, a")
del b, a
print("end")
