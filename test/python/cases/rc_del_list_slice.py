# category: containers
# what: del on a slice drops the references of every removed element
import sys
x = object()
lst = [x] * 6
print(sys.getrefcount(x))
del lst[:2]
print(sys.getrefcount(x), len(lst))
del lst[::2]
print(sys.getrefcount(x), len(lst))
lst[0:1] = []
print(sys.getrefcount(x), len(lst))
