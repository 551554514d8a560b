# category: scope-lifetime
# what: a function object lives on in a list after its name is deleted
def make():
    return "made"
registry = [make]
del make
print(registry[0](), registry[0].__name__)
try:
    make()
except NameError as e:
    print(e)
