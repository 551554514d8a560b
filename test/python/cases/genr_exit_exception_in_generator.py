# category: generators
# what: close() raises GeneratorExit inside the generator at its yield
def gen():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = gen()
next(g)
g.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
