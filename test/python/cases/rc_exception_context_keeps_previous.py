# category: refcount-basic
# what: an exception raised in an except block keeps the first one alive through __context__
class Noisy(Exception):
    def __init__(self, name):
        super().__init__(name)
        self.name = name
    def __del__(self):
        print("freed", self.name)
try:
    try:
        raise Noisy("first")
    except Noisy:
        raise Noisy("second")
except Noisy as e:
    print("caught", e.name, "context", e.__context__.name)
print("after")
