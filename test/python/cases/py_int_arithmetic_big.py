# category: everyday
# what: arbitrary-precision integers, floor division and modulo signs
print(2 ** 100)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(divmod(17, 5), divmod(-17, 5))
f = 1
for i in range(1, 26):
    f *= i
print(f)
print(f % 1000007, len(str(f)))
print(int("ff", 16), int("0b101", 0), hex(255), bin(10), oct(64))
print(10 ** 20 // 3, (10 ** 20) / 4)
