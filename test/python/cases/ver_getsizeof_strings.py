# category: version-specific
# what: sys.getsizeof of ASCII, latin-1 and wider strings (3.12 dropped the wstr field) and of bytes
import sys
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("abcd"))
print(sys.getsizeof("\u00e9"), sys.getsizeof("caf\u00e9"), sys.getsizeof("\u20ac"))
print(sys.getsizeof(b""), sys.getsizeof(b"abc"))
