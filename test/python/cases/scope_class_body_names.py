# category: scope-lifetime
# what: class body names are attributes, invisible to methods as bare names
class K:
    size = 3
    doubled = size * 2
    def get(self):
        try:
            return size
        except NameError as e:
            return "NameError"
print(K.doubled, K().get())
print([k for k in vars(K) if not k.startswith("__")])
