# category: scope-lifetime
# what: a global statement lets a function create and delete a module-level name
def make():
    global created
    created = ["made"]
def remove():
    global created
    del created
print("created" in globals())
make()
print(created)
remove()
print("created" in globals())
