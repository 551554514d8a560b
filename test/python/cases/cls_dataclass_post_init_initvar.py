# category: classes-slots
# what: __post_init__ runs after the fields are set; InitVar values reach it but are not stored; KW_ONLY fields
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY
@dataclass
class Account:
    owner: str
    opening: InitVar[int] = 0
    _: KW_ONLY
    currency: str = "EUR"
    history: list = field(default_factory=list, init=False)
    def __post_init__(self, opening):
        print("post_init", self.owner, opening)
        self.history.append(opening)
a = Account("ann", 10, currency="USD")
print(a, hasattr(a, "opening"), [f.name for f in fields(a)])
b = Account("bob")
print(b.history, b.currency, Account.__match_args__)
print(Account.__doc__)
try:
    Account("x", 1, "GBP")
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
