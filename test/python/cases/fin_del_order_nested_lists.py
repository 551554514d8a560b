# category: finalizers
# what: freeing a nested list finalizes its elements from last to first, finishing each inner list before moving on
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
data = [D("a"), [D("b1"), D("b2")], D("c")]
del data
print("end")
