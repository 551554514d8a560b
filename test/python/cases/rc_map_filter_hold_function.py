# category: containers
# what: map and filter objects hold their function and their iterator until exhausted and dropped
import sys
def double(x):
    return x * 2
data = [1, 2, 3]
base_f = sys.getrefcount(double)
base_d = sys.getrefcount(data)
m = map(double, data)
print(sys.getrefcount(double) - base_f, sys.getrefcount(data) - base_d)
print(list(m))
print(sys.getrefcount(double) - base_f, sys.getrefcount(data) - base_d)
del m
print(sys.getrefcount(double) - base_f, sys.getrefcount(data) - base_d)
