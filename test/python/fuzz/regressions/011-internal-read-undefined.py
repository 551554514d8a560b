# internal: Cannot read properties of undefined (reading '…') (Python 3.10; fuzz seed 5 run 2525)
from collections import deque,namedtuple
deque().appendleft()