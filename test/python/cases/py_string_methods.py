# category: everyday
# what: common str methods
s = "  Hello, Memory World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.lower(), t.upper(), t.title(), t.swapcase())
print(t.split(", "), t.split(), "a,b,,c".split(","))
print("-".join(["x", "y", "z"]), t.replace("o", "0", 1))
print(t.startswith("Hello"), t.endswith("!"), t.find("M"), t.find("q"), t.count("o"))
print("42".zfill(5), "ab".center(6, "*"), "x".ljust(3) + "|", "7".rjust(3, "0"))
print("line1\nline2".splitlines(), "a b".partition(" "), "CamelCase".isalpha())
