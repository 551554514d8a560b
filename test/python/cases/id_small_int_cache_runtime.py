# category: identity
# what: ints computed at run time are shared only inside the small-int cache (-5 to 256)
def same(a, b):
    return a is b
for text in ["-6", "-5", "0", "100", "256", "257", "1000"]:
    print(text, same(int(text), int(text)))
