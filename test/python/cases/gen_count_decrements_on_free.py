# category: gc-generations
# what: freeing lists does not lower the generation-0 count (freed lists go to a free list, not back through the GC allocator)
import gc
gc.collect()
gc.disable()
start = gc.get_count()[0]
tmp = [[] for _ in range(10)]
mid = gc.get_count()[0] - start
del tmp
end = gc.get_count()[0] - start
print(mid > end, end <= 1)
