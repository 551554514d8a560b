# category: finalizers
# what: objects created inside a comprehension and not kept are freed as it runs
class T:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print("del", self.v)
vals = [T(i).v for i in range(3)]
print(vals)
kept = [T(i) for i in range(2)]
print("kept", len(kept))
del kept
print("end")
