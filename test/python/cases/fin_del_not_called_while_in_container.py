# category: finalizers
# what: removing one of two references from containers does not finalize
class D:
    def __del__(self):
        print("finalized")
d = D()
a = [d]
b = {"d": d}
del d
a.clear()
print("still in dict")
b.clear()
print("end")
