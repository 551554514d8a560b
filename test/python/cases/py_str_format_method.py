# category: everyday
# what: str.format with positions, names, attributes, indexes and specs
print("{} and {}".format("a", "b"))
print("{1} before {0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
point = {"x": 1, "y": 2}
print("{p[x]},{p[y]}".format(p=point))
print("{0:>10}|{0:<10}|{0:^10}|".format("mid"))
print("{:.3}".format("truncate"), "{:6.2f}".format(2.5))
print("{{literal}} {}".format(5))
