# category: seed
# what: seed 001's first example without the id line: refcount of a fresh list and a collection at start-up
import sys
import gc
x = []
print('Reference count of x:', sys.getrefcount(x))
# Manually trigger garbage collection
collected = gc.collect()
print('Garbage collector: collected', collected, 'objects')
