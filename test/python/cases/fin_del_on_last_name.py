# category: finalizers
# what: __del__ runs exactly when the last of several names is deleted
class R:
    def __del__(self):
        print("R finalized")
a = R()
b = a
c = [a]
del a
print("a gone")
del b
print("b gone")
c.pop()
print("popped")
