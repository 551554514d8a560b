# category: gc-cycles-basic
# what: since Python 3.4 cycles with __del__ are collectable, so callbacks report 0 uncollectable
import gc
gc.collect()
gc.disable()
info_log = []
gc.callbacks.append(lambda phase, info: info_log.append((phase, info["uncollectable"])))
class D:
    def __del__(self):
        pass
d = D()
d.me = d
del d
n = gc.collect()
gc.callbacks.clear()
print(n, info_log, len(gc.garbage))
