# category: classes-slots
# what: an instance attribute with a method's name hides the method for that instance
class A:
    def hello(self):
        return "method"
a = A()
b = A()
a.hello = lambda: "attribute"
print(a.hello(), b.hello())
del a.hello
print(a.hello())
