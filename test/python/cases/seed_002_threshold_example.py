# category: seed
# what: seed 002's threshold example, then printing the changed thresholds
import gc
print(gc.get_threshold())

gc.set_threshold(700, 10, 5)
print(gc.get_threshold())
