# category: finalizers
# what: slice deletion and list.clear() release the removed elements from last to first
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
lst = [D("a"), D("b"), D("c"), D("d")]
del lst[1:3]
print("slice deleted")
lst.clear()
print("cleared")
