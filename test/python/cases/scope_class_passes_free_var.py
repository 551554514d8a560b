# category: scopes
# what: a class that binds a name itself still passes the enclosing function's cell of that name on to its methods (DEF_FREE_CLASS: the name is in the class's co_freevars)
import sys
def test():
    method_and_var = ["var"]
    class Test:
        def method_and_var(self):
            return "method"
        def test(self):
            return method_and_var
        print(type(method_and_var).__name__)
    print(Test.test.__closure__[0].cell_contents, sys.getrefcount(method_and_var))
    return Test()
t = test()
print(t.test(), t.method_and_var())
def outer():
    x = 1
    class C:
        x = 2
        def get(self):
            return x
        y = x
    return C
C = outer()
print(C().get(), C.y, C.x)
