# category: scope-lifetime
# what: a returned local survives the frame; the others die at return
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f():
    keep = T("keep")
    drop = T("drop")
    return keep
r = f()
print("got", r.n)
del r
print("end")
