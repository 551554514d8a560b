# category: generators
# what: closing or dropping an unstarted generator does not run its finally
def gen():
    try:
        yield 1
    finally:
        print("finally")
g = gen()
g.close()
print("closed unstarted")
h = gen()
del h
print("dropped unstarted")
k = gen()
next(k)
del k
print("end")
