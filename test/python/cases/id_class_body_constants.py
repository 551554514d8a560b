# category: identity
# what: constants in a class body and in module code are shared within the same compiled script
X = "constant string value"
class K:
    Y = "constant string value"
    def m(self):
        return "constant string value"
print(X is K.Y, K().m() is X)
big = 2 ** 70
class L:
    B = 2 ** 70
print(big == L.B)
