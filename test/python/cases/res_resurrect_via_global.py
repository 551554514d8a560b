# category: resurrection
# what: __del__ that stores self in a global resurrects the object; it is not finalized again
saved = None
class Phoenix:
    def __init__(self):
        self.lives = 1
    def __del__(self):
        global saved
        print("__del__ called, lives", self.lives)
        self.lives += 1
        saved = self
p = Phoenix()
del p
print(saved is not None, saved.lives)
saved = None
print("end")
