# category: gc-config
# what: gc.set_threshold values are reported back by gc.get_threshold
import gc
old = gc.get_threshold()
gc.set_threshold(500, 5, 3)
print(gc.get_threshold())
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
