# category: version-specific
# what: the UnboundLocalError message changed in 3.11
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(e)
