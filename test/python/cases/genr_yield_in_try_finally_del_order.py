# category: generators
# what: a suspended generator's finally runs before its locals are released
class L:
    def __del__(self):
        print("local released")
def g():
    local = L()
    try:
        yield 1
    finally:
        print("finally")
it = g()
next(it)
del it
print("end")
