# category: refcount-basic
# what: rebinding a name in a loop releases the previous object each iteration
import sys
class Obj:
    count = 0
    def __init__(self):
        Obj.count += 1
    def __del__(self):
        Obj.count -= 1
for i in range(5):
    current = Obj()
    print(i, Obj.count)
del current
print(Obj.count)
