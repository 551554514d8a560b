# category: generators
# what: closing a suspended generator runs its finally block; closing again does nothing
def gen():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally ran")
g = gen()
print(next(g))
g.close()
print("after close")
g.close()
print(list(g))
