# category: containers
# what: pop moves the list's reference to the caller; insert takes a new one
import sys
x = [0]
lst = [x]
print(sys.getrefcount(x))
y = lst.pop()
print(sys.getrefcount(x), len(lst))
lst.insert(0, y)
lst.insert(0, y)
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
