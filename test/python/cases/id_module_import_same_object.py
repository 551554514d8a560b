# category: identity
# what: importing a module again returns the object cached in sys.modules
import sys
import gc
import gc as collector
from gc import collect
print(gc is collector, sys.modules["gc"] is gc)
print(collect is gc.collect)
import weakref
import weakref as w2
print(weakref is w2, sys.modules["weakref"] is w2)
