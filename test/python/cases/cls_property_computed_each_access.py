# category: classes-slots
# what: a property getter runs on every access and can return a new object each time
class Box:
    calls = 0
    @property
    def fresh(self):
        Box.calls += 1
        return []
b = Box()
x = b.fresh
y = b.fresh
print(x is y, x == y, Box.calls)
print(type(Box.fresh).__name__)
