# category: weakref
# what: getweakrefcount drops when weak references die
import weakref
class O:
    pass
o = O()
refs = [weakref.ref(o, lambda r: None) for _ in range(3)]
print(weakref.getweakrefcount(o))
refs.pop()
print(weakref.getweakrefcount(o))
p = weakref.proxy(o)
print(weakref.getweakrefcount(o))
del p, refs
print(weakref.getweakrefcount(o))
