# category: gc-generations
# what: with a tiny threshold the collector runs by itself while containers are created
import gc
gc.collect()
ran = []
gc.callbacks.append(lambda phase, info: ran.append(phase))
gc.set_threshold(10, 10, 10)
gc.enable()
data = [[i] for i in range(50)]
gc.disable()
gc.callbacks.clear()
print(len(ran) > 0, ran[0])
print(len(data))
gc.set_threshold(700, 10, 10)
