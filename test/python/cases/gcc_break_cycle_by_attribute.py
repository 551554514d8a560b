# category: gc-cycles-basic
# what: setting a cycle's link to None lets reference counting free everything
import gc
gc.collect()
gc.disable()
class Link:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
a = Link("a")
b = Link("b")
a.other = b
b.other = a
a.other = None
del a
print("a deleted")
del b
print("collected", gc.collect())
