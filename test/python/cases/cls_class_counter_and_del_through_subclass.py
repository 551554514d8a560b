# category: classes-slots
# what: class-level counters updated from __init__ of a base class
class Base:
    made = 0
    def __init__(self):
        type(self).made += 1
class A(Base):
    pass
class B(Base):
    pass
A(); A(); B()
print(Base.made, A.made, B.made)
print("made" in A.__dict__, "made" in Base.__dict__)
