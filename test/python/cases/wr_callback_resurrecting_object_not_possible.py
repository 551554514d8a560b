# category: weakref
# what: inside a weakref callback the referent is already gone
import weakref
class O:
    pass
results = []
o = O()
def cb(ref):
    results.append(ref())
r = weakref.ref(o, cb)
del o
print(results)
