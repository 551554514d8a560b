# category: gc-config
# what: gc.get_stats returns one dict per generation with the same keys
import gc
stats = gc.get_stats()
print(len(stats))
print(sorted(stats[0]))
print(all(sorted(s) == sorted(stats[0]) for s in stats))
