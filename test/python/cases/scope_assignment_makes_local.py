# category: scope-lifetime
# what: assigning a name anywhere in a function makes it local everywhere in that function
count = 5
def f():
    try:
        print(count)
    except UnboundLocalError:
        print("UnboundLocalError")
    count = 1
    return count
print(f())
def g():
    return count
print(g())
