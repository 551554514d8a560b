# category: weakref
# what: a weak reference to a bound method dies at once; WeakMethod lives as long as the instance
import weakref
class A:
    def hello(self):
        return "hello"
a = A()
plain = weakref.ref(a.hello)
print(plain() is None)
wm = weakref.WeakMethod(a.hello)
print(wm()())
del a
print(wm() is None)
