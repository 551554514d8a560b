# category: refcount-basic
# what: temporaries inside an expression are freed before the next statement
class T:
    def __del__(self):
        print("T freed")
n = len([T(), T()])
print("length", n)
print("max", max([1, 2], key=lambda v: (T(), v)[1]))
print("end")
