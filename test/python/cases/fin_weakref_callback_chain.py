# category: weakref
# what: a weakref callback that drops the last reference to another object triggers its callback too
import weakref
class O:
    def __init__(self, n):
        self.n = n
holder = {}
a = O("a")
b = O("b")
holder["b"] = b
del b
def cb_a(ref):
    print("a died, dropping b")
    holder.clear()
ra = weakref.ref(a, cb_a)
rb = weakref.ref(holder["b"], lambda r: print("b died"))
del a
print("end")
