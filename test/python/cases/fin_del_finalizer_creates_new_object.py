# category: finalizers
# what: a finalizer may create new objects, including ones with finalizers of their own
class Child:
    def __del__(self):
        print("child del")
class Parent:
    def __del__(self):
        print("parent del start")
        Child()
        print("parent del end")
p = Parent()
del p
print("end")
