# category: weakref
# what: proxies forward special methods like len and indexing
import weakref
class Seq(list):
    pass
s = Seq([1, 2, 3])
p = weakref.proxy(s)
print(len(p), p[0], 2 in p)
p.append(4)
print(s)
del s
try:
    len(p)
except ReferenceError:
    print("ReferenceError")
