# category: classes-slots
# what: a mutable default stored on the class is shared by all instances
class Bad:
    items = []
    def add(self, x):
        self.items.append(x)
class Good:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
b1, b2 = Bad(), Bad()
b1.add(1)
print(b2.items, Bad.items is b1.items)
g1, g2 = Good(), Good()
g1.add(1)
print(g2.items, g1.items)
