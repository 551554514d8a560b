# category: finalizers
# what: a dict display with repeated keys drops the replaced values when it releases its inputs, last first
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
d = {1: A(1), 1: A(2), 1: A(3)}
print("built", d[1].n)
e = {"a": A(4), "b": A(5), "a": A(6), "b": A(7)}
print("built", e["a"].n, e["b"].n)
del d, e
print("end")
