# category: finalizers
# what: when a dict dies each entry releases its key then its value, in insertion order
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __hash__(self):
        return 1
d = {D("k1"): D("v1"), D("k2"): D("v2")}
del d
print("end")
