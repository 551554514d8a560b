# category: gc-generations
# what: gc.get_objects lists tracked objects, including instances and their containers
import gc
gc.collect()
gc.disable()
class Thing:
    pass
t = Thing()
t.items = [1, 2]
objs = gc.get_objects()
print(any(o is t for o in objs), any(o is t.items for o in objs))
print(any(o is Thing for o in objs))
print(any(o is 12345 for o in objs))
