# category: weakref
# what: subclasses of list and dict accept weak references
import weakref
class MyList(list):
    pass
class MyDict(dict):
    pass
ml = MyList([1, 2])
md = MyDict(a=1)
r1 = weakref.ref(ml)
r2 = weakref.ref(md)
print(r1(), r2())
del ml
print(r1(), r2() is md)
