# category: containers
# what: a list iterator holds its list until the iterator is exhausted
import sys
lst = [1, 2]
it = iter(lst)
print(sys.getrefcount(lst))
print(next(it), next(it))
print(sys.getrefcount(lst))
print(next(it, "end"))
print(sys.getrefcount(lst))
