# A local name's reference goes away when the function returns.
# (From "Understanding Python Memory Management and Reference Counting".)
def scope():
    x = 1
    print(id(x))


scope()
# prints the id of x; after the function returns, x's reference is gone
