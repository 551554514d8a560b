# category: finalizers
# what: a subclass inherits __del__; overriding it without super() skips the base one
class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)
class Child(Base):
    pass
class Quiet(Base):
    def __del__(self):
        print("Quiet.__del__")
class Loud(Base):
    def __del__(self):
        print("Loud.__del__")
        super().__del__()
for cls in (Child, Quiet, Loud):
    cls()
print("end")
