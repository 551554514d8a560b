# category: scope-lifetime
# what: deleting a loop variable inside the loop is fine; the next iteration rebinds it
results = []
for i in range(3):
    results.append(i)
    del i
print(results)
try:
    i
except NameError:
    print("NameError")
