# category: everyday
# what: custom exceptions with attributes, str and args
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, e.code, e.args, repr(e))
print(str(ValueError()), repr(ValueError()), str(KeyError("k")), str(ValueError(1, 2)))
print(issubclass(KeyError, LookupError), isinstance(AppError(1, "x"), Exception))
