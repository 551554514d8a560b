# category: everyday
# what: sort and sorted call the key function exactly once per element
calls = []
def key(x):
    calls.append(x)
    return -x
data = [3, 1, 2]
print(sorted(data, key=key), calls)
calls.clear()
data.sort(key=key)
print(data, len(calls))
print(min(data, key=key), max(data, key=key), len(calls))
