# category: weakref
# what: finalize.peek returns the registered function and arguments while alive
import weakref
class O:
    pass
o = O()
f = weakref.finalize(o, print, "bye", "now")
fn, args, kwargs = f.peek()[1:]
print(fn is print, args, kwargs, f.atexit)
del o
print(f.peek())
