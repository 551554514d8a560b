# category: refcount-functions
# what: inside a with block the interpreter holds the context manager's __exit__
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
cm = CM()
print(sys.getrefcount(cm))
with cm as inside:
    print(inside is cm)
print(sys.getrefcount(cm))
del inside
print(sys.getrefcount(cm))
