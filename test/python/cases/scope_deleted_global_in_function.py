# category: scope-lifetime
# what: a function reading a global that was deleted raises NameError
g = 1
def read():
    return g
print(read())
del g
try:
    read()
except NameError as e:
    print("NameError:", e)
