# category: gc-cycles-basic
# what: a cycle referenced by a running function's local is not collected
import gc
gc.collect()
gc.disable()
def work():
    a = []
    a.append(a)
    n1 = gc.collect()
    del a
    n2 = gc.collect()
    return n1, n2
print(work())
