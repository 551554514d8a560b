# category: classes-slots
# what: a __new__-based singleton returns the same instance every time
import sys
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
a = Single()
b = Single()
print(a is b)
print(sys.getrefcount(a))
