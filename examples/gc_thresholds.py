# The generational collector's thresholds, read and changed.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
import gc

print(gc.get_threshold())

gc.set_threshold(700, 10, 5)
