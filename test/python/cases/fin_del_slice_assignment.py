# category: finalizers
# what: replacing a slice of a list finalizes the replaced items
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [D(0), D(1), D(2), D(3)]
lst[1:3] = ["x"]
print("after slice", len(lst))
lst[0] = None
print("after item")
lst.pop()
print("after pop")
