# category: finalizers
# what: dict.pop and popitem hand the value out; it dies when the result is dropped
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {"x": D("x"), "y": D("y"), "z": D("z")}
d.pop("x")
print("after pop")
k, v = d.popitem()
print("popped", k)
del v
print("end", list(d))
d = None
