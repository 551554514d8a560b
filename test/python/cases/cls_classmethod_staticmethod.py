# category: classes-slots
# what: classmethods receive the class, staticmethods receive nothing extra
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def describe(x):
        return "shape " + str(x)
class Square(Shape):
    pass
s = Square.make()
print(type(s).__name__, Shape.count)
print(Shape.describe(3), s.describe(4))
print(type(Shape.__dict__["make"]).__name__)
