# category: everyday
# what: bitwise operations, pow with modulus and int methods
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~5)
print(1 << 70, (1 << 70) >> 68)
print(pow(3, 200, 1000), pow(2, -1), pow(7, 2))
print((255).bit_length(), (-1).bit_length(), (1024).to_bytes(2, "big"))
print(int.from_bytes(b"\x01\x00", "little"), abs(-3), max(2, -5, key=abs))
