# category: weakref
# what: weakref.finalize objects report alive, can be called early, and run only once
import weakref
class Res:
    pass
r = Res()
f = weakref.finalize(r, print, "cleanup", 1)
print(f.alive)
print(f())
print(f.alive, f())
g = weakref.finalize(r, print, "never")
print(g.detach()[1:])
del r
print("end")
