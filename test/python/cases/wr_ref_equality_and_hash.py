# category: weakref
# what: live weak references compare equal when their objects do; dead ones only by identity
import weakref
class K:
    pass
a = K()
r1 = weakref.ref(a, lambda r: None)
r2 = weakref.ref(a)
print(r1 == r2, r1 is r2)
print(hash(r1) == hash(a))
del a
print(r1 == r2, r1 == r1)
