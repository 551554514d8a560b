# category: classes-slots
# what: annotated names in a class body go into its __annotations__ dict (values stay class attributes; a bare annotation binds nothing)
import sys
class Config:
    """settings"""
    name: str
    retries: int = 3
    __secret: bytes = b""
    tags: list[str]
    maybe: int | None = None
print(Config.__annotations__)
print([k for k in Config.__dict__ if k != "__firstlineno__"][:4], Config.retries, hasattr(Config, "name"))
def f():
    local: int = 5
    return local
print(f(), f.__code__.co_varnames)
x: float = 1.5
y: "later"
print(__annotations__, x)
alias = dict[str, list[int]]
print(alias, alias.__origin__, alias.__args__, type(alias).__name__)
print(int | str, (int | None) == (None | int), isinstance(3, int | str), list[int]([1, 2]))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
