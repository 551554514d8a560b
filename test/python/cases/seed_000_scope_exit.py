# category: seed
# what: seed 000's scope() example, printing the local instead of its id; the name is gone after return
def scope():
    x=1
    print(x)
scope()
try:
    x
except NameError as e:
    print(e)
