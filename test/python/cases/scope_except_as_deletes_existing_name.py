# category: scope-lifetime
# what: except-as deletes the name even if it was bound before the try
e = "previous value"
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
print("e" in dir())
saved = None
try:
    {}["k"]
except KeyError as err:
    saved = err
print(type(saved).__name__, saved.args)
