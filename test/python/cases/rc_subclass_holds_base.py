# category: refcount-basic
# what: defining a subclass adds references to the base class
import sys
class Base:
    pass
before = sys.getrefcount(Base)
class Child(Base):
    pass
print(sys.getrefcount(Base) - before > 0)
print(Child.__bases__[0] is Base, [c.__name__ for c in Base.__subclasses__()])
del Child
import gc
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
