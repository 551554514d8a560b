# category: classes-slots
# what: __new__ runs before __init__; __init__ is skipped if __new__ returns another type
class Odd:
    def __new__(cls, v):
        print("__new__", v)
        if v < 0:
            return "negative"
        return super().__new__(cls)
    def __init__(self, v):
        print("__init__", v)
        self.v = v
a = Odd(1)
b = Odd(-1)
print(type(a).__name__, b)
