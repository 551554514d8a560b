# category: classes-slots
# what: double-underscore attribute names are mangled with the class name
class Account:
    def __init__(self):
        self.__secret = 42
        self._hint = "h"
    def reveal(self):
        return self.__secret
a = Account()
print(a.reveal(), a._Account__secret, sorted(vars(a)))
try:
    a.__secret
except AttributeError as e:
    print("AttributeError:", e)
