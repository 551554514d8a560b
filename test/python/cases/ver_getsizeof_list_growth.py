# category: containers
# what: sys.getsizeof of a list as it grows by append shows over-allocation steps
import sys
lst = []
sizes = [sys.getsizeof(lst)]
for i in range(17):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
print(sys.getsizeof(list(range(17))), sys.getsizeof([0] * 17))
