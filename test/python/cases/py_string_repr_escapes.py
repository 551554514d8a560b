# category: everyday
# what: repr of strings with quotes, escapes and unicode
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"))
print(repr("caf\u00e9"), repr("\x00\x7f"), len("\u00e9"))
print(ascii("caf\u00e9"), "\u00e9".encode("utf-8"))
print(str(b"bytes"), repr(b"\x01\xffA"))
