# category: everyday
# what: list insert, index, count, reverse, sort with key and reverse
lst = [5, 3, 8, 1]
lst.insert(1, 9)
lst.insert(-1, 7)
lst.insert(100, 0)
print(lst)
print(lst.index(8), lst.count(3))
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
words = ["pear", "Fig", "apple", "kiwi"]
words.sort(key=str.lower)
print(words)
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
