# category: scope-lifetime
# what: closures created in a loop see the variable's final value unless bound by default
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make(n):
    return lambda: n
hs = [make(i) for i in range(3)]
print([h() for h in hs])
