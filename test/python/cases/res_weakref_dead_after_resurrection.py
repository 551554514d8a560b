# category: resurrection
# what: a weak reference taken before resurrection by refcount still reaches the object
import weakref
keep = []
class R:
    def __del__(self):
        keep.append(self)
r = R()
w = weakref.ref(r)
del r
print(w() is keep[0])
keep.clear()
print(w() is None)
