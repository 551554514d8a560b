# category: finalizers
# what: __del__ runs before weakref.finalize callbacks of the same object
import weakref
class D:
    def __del__(self):
        print("__del__")
d = D()
weakref.finalize(d, print, "finalize callback")
weakref.ref(d, lambda r: print("weakref callback"))
r = weakref.ref(d, lambda r: print("kept weakref callback"))
del d
print("end")
