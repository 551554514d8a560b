# category: classes-slots
# what: an instance __dict__ holds only instance attributes, in assignment order
class P:
    kind = "point"
    def __init__(self):
        self.y = 2
        self.x = 1
p = P()
print(p.__dict__)
p.z = 3
print(list(vars(p)))
print("kind" in p.__dict__, "kind" in P.__dict__)
