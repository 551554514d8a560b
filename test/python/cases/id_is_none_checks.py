# category: identity
# what: functions without a return statement return the None singleton
def nothing():
    pass
def explicit():
    return
r1 = nothing()
r2 = explicit()
print(r1 is None, r2 is None, r1 is r2)
print([].append(1) is None, {}.update() is None)
print(print("side effect") is None)
