# category: finalizers
# what: a finalizer can append to a global list that outlives it
log = []
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
for i in range(3):
    d = D(i)
del d
print(log)
items = [D(i) for i in range(3, 6)]
items.reverse()
items = []
print(log)
