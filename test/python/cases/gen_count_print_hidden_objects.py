# category: gc-generations
# what: generation-0 count moves by print's hidden objects (3.11+ packs *args in a tuple, 3.10/3.11 keep a keyword-names tuple) and the thread state's repr bookkeeping, only the first time after a full collection empties the free lists
import gc
gc.collect()
gc.disable()
gc.get_count()
counts = [gc.get_count()[0]]
print()
counts.append(gc.get_count()[0])
print(1)
counts.append(gc.get_count()[0])
print(1, 2)
counts.append(gc.get_count()[0])
print(1, 2, 3)
counts.append(gc.get_count()[0])
print(1, end="\n")
counts.append(gc.get_count()[0])
print([1], (2,), {3: 4})
counts.append(gc.get_count()[0])
print({5, 6})
counts.append(gc.get_count()[0])
print([7])
counts.append(gc.get_count()[0])
print([c - counts[0] for c in counts])
