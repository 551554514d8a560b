# category: finalizers
# what: rebinding a name creates the new object before the old one is finalized
class D:
    def __init__(self, name):
        print("init", name)
        self.name = name
    def __del__(self):
        print("del", self.name)
x = D("first")
x = D("second")
print("end")
del x
