# category: generators
# what: a generator expression holds its source iterator, which holds the list
import sys
data = [1, 2, 3]
print(sys.getrefcount(data))
ge = (x * 2 for x in data)
print(sys.getrefcount(data))
print(next(ge))
print(sys.getrefcount(data))
print(list(ge))
print(sys.getrefcount(data))
