# category: generators
# what: errors in a generator expression body appear only when it is consumed
ge = (10 // x for x in [2, 1, 0])
print("created")
print(next(ge), next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(ge, "exhausted"))
