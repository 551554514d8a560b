# category: everyday
# what: Counter counts in first-seen order, missing keys count zero, and its operators keep only positive counts
import sys
from collections import Counter
c = Counter("mississippi")
print(c)
print(c.most_common(2), c["z"], "z" in c, len(c))
c.update(["s", "x"])
c.subtract({"i": 4})
print(c, c.total())
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=-1)
print(a + b, a - b, a | b, a & b, -b)
print(sorted((a + b).elements()), Counter("ab") == Counter("ba"))
del c["nope"]
e = Counter()
print(e, repr(Counter(x=0)), type(a).__mro__[1].__name__)
word = "hello"
k = Counter(word)
print(sys.getrefcount(Counter) > 2, isinstance(k, dict), k["l"])
