# category: weakref
# what: a weakref callback runs inside the statement that drops the last reference
import weakref
class Obj:
    pass
events = []
o = Obj()
r = weakref.ref(o, lambda ref: events.append("callback"))
events.append("before")
o = None
events.append("after")
print(events)
