# category: weakref
# what: weakref.finalize callbacks run when the object dies, newest first
import weakref
class Res:
    pass
r = Res()
weakref.finalize(r, print, "first registered")
weakref.finalize(r, print, "second registered")
print("deleting")
del r
print("end")
