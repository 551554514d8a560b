# category: finalizers
# what: an instance with __slots__ releases its slot values in slot order
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class S:
    __slots__ = ("first", "second", "third")
s = S()
s.third = D("third")
s.first = D("first")
s.second = D("second")
del s
print("end")
