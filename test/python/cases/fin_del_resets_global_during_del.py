# category: finalizers
# what: __del__ can rebind a global; the change is visible afterwards
counter = 0
class C:
    def __del__(self):
        global counter
        counter += 10
c = C()
print(counter)
c = C()
print(counter)
del c
print(counter)
