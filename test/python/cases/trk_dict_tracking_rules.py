# category: gc-tracking
# what: dicts become tracked only when they hold a container
import gc
print(gc.is_tracked({}))
print(gc.is_tracked({"a": 1, "b": "x"}))
print(gc.is_tracked({"a": []}))
d = {"n": 1}
print(gc.is_tracked(d))
d["lst"] = [1]
print(gc.is_tracked(d))
del d["lst"]
print(gc.is_tracked(d))
