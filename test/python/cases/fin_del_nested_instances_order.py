# category: finalizers
# what: an outer object is finalized before the inner objects it owns
class D:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
top = D("top", D("middle", D("bottom")))
del top
print("end")
