# category: finalizers
# what: __del__ can still read its attributes, which are released after it returns
class Child:
    def __del__(self):
        print("child freed")
class Parent:
    def __init__(self):
        self.child = Child()
    def __del__(self):
        print("parent del, child alive:", type(self.child).__name__)
p = Parent()
del p
print("done")
