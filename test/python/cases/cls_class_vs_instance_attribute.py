# category: classes-slots
# what: assigning through an instance shadows the class attribute only for that instance
class Config:
    level = 1
    tags = []
a, b = Config(), Config()
a.level = 5
print(a.level, b.level, Config.level)
a.tags.append("shared")
print(b.tags, Config.tags)
del a.level
print(a.level)
Config.level = 9
print(a.level, b.level)
