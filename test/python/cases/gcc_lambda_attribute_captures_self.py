# category: gc-cycles-advanced
# what: an instance storing a lambda that closes over the instance
import gc
gc.collect()
gc.disable()
class Button:
    def __init__(self):
        me = self
        self.on_click = lambda: me
b = Button()
print(b.on_click() is b)
del b
print(gc.collect())
