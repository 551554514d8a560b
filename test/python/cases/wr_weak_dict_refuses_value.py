# category: weakref
# what: a weak dictionary refuses a value or key that cannot be weakly referenced, and keeps nothing for it
import weakref
class A:
    pass
d = weakref.WeakValueDictionary()
k = weakref.WeakKeyDictionary()
for target, key, value in [(d, "t", ()), (k, (), 1), (d, "i", 10**20)]:
    try:
        target[key] = value
    except TypeError as e:
        print(e)
a = A()
d["a"] = a
k[a] = 1
print(len(d), len(k))
del a
print(len(d), len(k))
