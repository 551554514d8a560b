# category: finalizers
# what: a temporary passed as an argument lives until the call returns
class D:
    def __del__(self):
        print("del temp")
def use(obj):
    print("using")
    return 1
print("result", use(D()))
print("after")
