# category: finalizers
# what: a temporary object is finalized at the end of the expression that used it
class T:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print("del", self.v)
    def value(self):
        return self.v
print("value is", T(1).value())
x = T(2).value() + T(3).value()
print("sum", x)
