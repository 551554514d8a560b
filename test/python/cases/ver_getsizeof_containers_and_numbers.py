# category: version-specific
# what: sys.getsizeof of ints, floats, None and empty and small containers (ints of 0 grew in 3.11)
import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 100))
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof({}), sys.getsizeof(()), sys.getsizeof((1,)))
print(sys.getsizeof(1.0), sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(set()))
