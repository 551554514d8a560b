# category: everyday
# what: nested, filtered and conditional comprehensions
m = [[i * j for j in range(3)] for i in range(3)]
print(m)
print([x for row in m for x in row if x % 2 == 0])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print({n: n * n for n in range(4)}, {c for c in "hello"} == set("helo"))
print(list(zip(*m)))
