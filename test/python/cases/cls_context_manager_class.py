# category: classes-slots
# what: __enter__ and __exit__ run around the block, even when it raises
class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError
with Managed("a") as m:
    print("body", m.name)
with Managed("b"):
    raise KeyError("swallowed")
print("after")
