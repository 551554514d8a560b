# category: finalizers
# what: __exit__ receives the exception; objects in the with block die after the statement
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, tb is not None)
        return True
    def __del__(self):
        print("del", self.name)
with Res("r1"):
    raise ValueError("x")
print("after with")
with Res("r2") as r:
    pass
print("r still bound", r.name)
del r
