# category: everyday
# what: string repetition, membership, comparisons and ord/chr
print("ab" * 3, "-" * 10, 3 * [0])
print("mem" in "memory", "x" not in "memory", "" in "abc")
print("apple" < "banana", "Zebra" < "apple", "abc" == "ab" + "c")
print(ord("A"), chr(97), [ord(c) for c in "hi"], "".join(map(chr, [72, 105])))
print(len("tab\t"), "a\tb".expandtabs(4), max("hello"), min("hello"))
