# category: gc-config
# what: gc.isenabled follows gc.disable and gc.enable
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
