# category: version-specific
# what: small ints change count only before 3.12; large runtime ints always count
import sys
before = sys.getrefcount(7)
sevens = [7, 7, 7]
print(sys.getrefcount(7) - before)
big = 10 ** 20
print(sys.getrefcount(big))
bigs = [big, big, big]
print(sys.getrefcount(big))
