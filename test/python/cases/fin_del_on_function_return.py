# category: finalizers
# what: a local object is finalized when its function returns, before the caller continues
class Local:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del local", self.n)
def work(n):
    obj = Local(n)
    print("working", n)
    return n * 2
print("result", work(1))
print("result", work(2))
