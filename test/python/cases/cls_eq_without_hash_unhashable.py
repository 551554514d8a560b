# category: classes-slots
# what: defining __eq__ without __hash__ makes instances unhashable
class E:
    def __eq__(self, other):
        return True
try:
    {E()}
except TypeError as e:
    print("TypeError:", e)
print(E.__hash__)
class H(E):
    __hash__ = object.__hash__
print(len({H(), H()}))
