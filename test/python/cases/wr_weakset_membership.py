# category: weakref
# what: a WeakSet forgets members as they die
import weakref
class Listener:
    pass
listeners = weakref.WeakSet()
a, b, c = Listener(), Listener(), Listener()
for x in (a, b, c, a):
    listeners.add(x)
print(len(listeners), a in listeners)
del b
print(len(listeners))
c = None
print(len(listeners), a in listeners)
