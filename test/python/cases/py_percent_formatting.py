# category: everyday
# what: printf-style % formatting
print("%s has %d items" % ("cart", 3))
print("%5.2f|%-6s|%06d" % (3.14159, "ab", 42))
print("%x %o %e" % (255, 8, 1234.5))
print("%(a)s-%(b)s" % {"a": 1, "b": 2})
print("%r %s" % ("q", "q"))
print("100%% done")
