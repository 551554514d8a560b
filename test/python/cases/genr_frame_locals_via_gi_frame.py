# category: generators
# what: a suspended generator's frame exposes its locals
def gen(a):
    b = a * 2
    yield b
    c = b + 1
    yield c
g = gen(5)
print(g.gi_frame.f_locals)
next(g)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals))
print(list(g), g.gi_frame)
