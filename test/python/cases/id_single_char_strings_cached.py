# category: identity
# what: one-character strings from indexing and chr() are cached; in 3.11 and 3.12 a one-character constant is a different object from that cache
word = "python"
print(word[0] is "p")
print(chr(112) is "p")
print("xpx"[1] is word[0])
two = word[0:2]
print(two is "py", two == "py")
