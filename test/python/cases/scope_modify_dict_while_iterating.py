# category: everyday
# what: changing a dict's size while iterating raises RuntimeError; iterating a copy is fine
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    if d[k] == 0:
        del d[k]
print(d)
lst = [1, 2, 3, 4]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
