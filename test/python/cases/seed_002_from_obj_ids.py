# category: seed
# what: seed 002's from_obj class example, comparing the two ids instead of printing them
class from_obj(object):
    def __init__(self, to_obj):
        self.to_obj = to_obj

b = [1, 2, 3]
a = from_obj(b)
print(id(a.to_obj) == id(b))
print(a.to_obj is b)
