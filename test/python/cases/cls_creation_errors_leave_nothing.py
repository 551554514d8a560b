# category: classes
# what: a class statement that fails (inconsistent MRO, layout conflict, bad __slots__) raises CPython's TypeError and leaves no half-made class behind
import gc

class A:
    pass

class B(A):
    pass

for make in (lambda: type('C', (A, B), {}), lambda: type('D', (int, str), {}),
             lambda: type('E', (), {'__slots__': (1,)}), lambda: type('F', (), {'__slots__': gc})):
    try:
        make()
    except TypeError as e:
        print(e)
print(gc.collect())
print(len(A.__subclasses__()))
