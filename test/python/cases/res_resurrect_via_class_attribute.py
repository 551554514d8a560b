# category: resurrection
# what: a finalizer storing self on its class keeps the object alive; later removal does not call __del__ again
class Cache:
    saved = None
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        Cache.saved = self
c = Cache(1)
c = None
print("saved", Cache.saved.n)
Cache.saved = None
print("released again")
c = Cache(2)
del c
print("saved", Cache.saved.n)
Cache.saved = None
