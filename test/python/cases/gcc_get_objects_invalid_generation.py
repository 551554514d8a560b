# category: gc-config
# what: invalid generation arguments raise ValueError
import gc
for call in (lambda: gc.collect(3), lambda: gc.get_objects(generation=3), lambda: gc.collect(-1)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
