# category: scope-lifetime
# what: after break the loop variable holds the element where it stopped
items = ["a", "b", "c", "d"]
for pos, item in enumerate(items):
    if item == "c":
        break
print(pos, item)
for item in []:
    pass
print(item)
while True:
    n = len(items)
    break
print(n)
