# invariant: __slots__ that is not iterable (Python 3.11; fuzz seed 13 run 9791)
import gc
class S:__slots__=(gc)
