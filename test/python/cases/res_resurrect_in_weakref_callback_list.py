# category: resurrection
# what: an object kept alive by its own __del__ keeps its attributes; a weak reference made later works
import weakref
keep = []
class R:
    def __init__(self):
        self.data = [1, 2]
    def __del__(self):
        keep.append(self)
r = R()
del r
obj = keep[0]
print(obj.data)
w = weakref.ref(obj)
keep.clear()
del obj
print(w())
