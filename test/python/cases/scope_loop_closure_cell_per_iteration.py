# category: scope-lifetime
# what: functions defined in a loop share the one loop variable cell
def make():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs
fs = make()
print([f() for f in fs])
print(fs[0].__closure__[0] is fs[2].__closure__[0])
