# category: finalizers
# what: tuples and lists both release their items from last to first when they die
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
t = (D("t0"), D("t1"), D("t2"))
del t
l = [D("l0"), D("l1"), D("l2")]
del l
print("end")
