# id(), sys.getrefcount() and a manual gc.collect().
# (From "How Python Manages Memory: Simple Explanation and Examples".)
import sys
import gc

x = []
print('Memory address of x:', id(x))
print('Reference count of x:', sys.getrefcount(x))
# Manually trigger garbage collection
collected = gc.collect()
print('Garbage collector: collected', collected, 'objects')
