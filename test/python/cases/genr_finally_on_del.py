# category: generators
# what: dropping the last reference to a suspended generator closes it
def gen():
    try:
        yield 1
    finally:
        print("generator finalized")
g = gen()
next(g)
print("dropping")
g = None
print("dropped")
