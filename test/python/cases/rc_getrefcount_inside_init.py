# category: refcount-functions
# what: getrefcount(self) inside __init__ while the instance is being constructed
import sys
class C:
    def __init__(self):
        print("in __init__:", sys.getrefcount(self))
    def method(self):
        print("in method:", sys.getrefcount(self))
c = C()
c.method()
C().method()
