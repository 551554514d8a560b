# category: generators
# what: throw() raises at the yield; a handled exception lets the generator continue
def gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e)
g = gen()
print(next(g))
print(g.throw(ValueError("bad")))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(list(g))
