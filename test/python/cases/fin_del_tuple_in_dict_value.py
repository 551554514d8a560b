# category: finalizers
# what: a finalizer inside a tuple inside a dict value runs when the dict key is deleted
class D:
    def __del__(self):
        print("del D")
registry = {1: (D(), "x")}
print("deleting key")
del registry[1]
print("deleted")
