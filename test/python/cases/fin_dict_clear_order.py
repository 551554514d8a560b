# category: finalizers
# what: dict.clear() and dict deallocation release values in insertion order
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
d = {"b": D("b"), "a": D("a"), "c": D("c")}
d.clear()
print("cleared")
e = {3: D(3), 1: D(1), 2: D(2)}
del e[1]
e = None
print("end")
