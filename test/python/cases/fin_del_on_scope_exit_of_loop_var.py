# category: finalizers
# what: the loop variable holds the last object until it is rebound or deleted
class T:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print("del", self.v)
for obj in [T(1), T(2)]:
    print("loop", obj.v)
print("loop done")
obj = None
print("end")
