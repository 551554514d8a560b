# category: finalizers
# what: an error raised in __del__ is reported on stderr and the statement continues
class Bad:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        raise ValueError(self.n)
items = [Bad(1), Bad(2)]
items = None
print("after")
try:
    Bad(3)
finally:
    print("finally")
