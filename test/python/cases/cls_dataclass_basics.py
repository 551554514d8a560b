# category: classes-slots
# what: a dataclass gets __init__, __repr__ and __eq__
from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
a = Item("apple", 3)
b = Item("apple", 3)
print(a)
print(a == b, a is b, a.tags is b.tags)
a.tags.append("red")
print(a, b.tags)
