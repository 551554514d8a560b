# category: everyday
# what: bytes and bytearray basics
b = b"hello"
ba = bytearray(b)
ba[0] = 74
ba.append(33)
print(b, ba, bytes(ba), ba.decode())
print(b[1], b[1:3], list(b"ab"), b.upper(), b.hex())
print(bytes(3), bytearray(b"x") * 3, b"a" + b"b")
