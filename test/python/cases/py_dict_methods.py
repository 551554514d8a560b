# category: everyday
# what: dict get, setdefault, pop with default, popitem, update, views
d = {"b": 2, "a": 1}
print(d.get("c"), d.get("c", 0), d.setdefault("c", 3), d)
print(d.pop("zz", "none"), d.pop("a"), d)
d.update({"d": 4}, e=5)
print(d, d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print({**d, "b": 20}, d | {"z": 0})
keys = d.keys()
d["new"] = 1
print(len(keys), "new" in keys)
