# category: generators
# what: yield from returns the inner generator's return value
def inner():
    yield 1
    return "inner result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield 2
print(list(outer()))
