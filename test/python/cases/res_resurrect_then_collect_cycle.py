# category: resurrection
# what: after a resurrected cycle member is released again, the collector frees it without a second __del__
import gc
gc.collect()
gc.disable()
hold = []
class Z:
    def __del__(self):
        print("__del__")
        hold.append(self)
z = Z()
z.me = z
del z
print("first", gc.collect())
hold.clear()
print("second", gc.collect())
