# category: gc-generations
# what: generation-0 count after creating three containers, then after binding folded constants (counts GC allocations, including get_count's own tuple)
import gc
gc.collect()
gc.disable()
start = gc.get_count()[0]
a = []
b = {}
c = [1]
print(gc.get_count()[0] - start)
n = 10 ** 20
s = "x" * 50
print(gc.get_count()[0] - start)
