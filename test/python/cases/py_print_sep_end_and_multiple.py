# category: everyday
# what: print with sep, end, several values and file=sys.stdout
import sys
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" <- continued")
print(1, 2.0, None, True, [1], sep=" | ")
print()
print("to stdout", file=sys.stdout)
print(*[1, 2, 3])
print("x", end="!\n")
