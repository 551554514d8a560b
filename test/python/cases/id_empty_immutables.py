# category: identity
# what: empty tuple, empty string and empty bytes are singletons; empty lists and dicts are not
print(() is tuple(), tuple([]) is ())
print("" is str(), "abc"[3:] is "")
print(b"" is bytes())
print([] is [], {} is {})
e1 = list()
e2 = list()
print(e1 == e2, e1 is e2)
