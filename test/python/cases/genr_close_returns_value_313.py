# category: version-specific
# what: close() on a generator that returns on GeneratorExit gives back the return value from 3.13 (None before)
def g():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup")
        return "cleaned"
it = g()
next(it)
print(it.close())
print(it.close())
