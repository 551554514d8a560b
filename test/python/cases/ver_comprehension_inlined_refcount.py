# category: version-specific
# what: getrefcount of an element inside a list comprehension (3.12 inlines comprehensions into the enclosing frame)
import sys
obj = []
print([sys.getrefcount(x) for x in [obj]])
print([sys.getrefcount(obj) for _ in range(1)])
def f(items):
    return [sys.getrefcount(x) for x in items]
print(f([obj]))
print(sys.getrefcount(obj))
