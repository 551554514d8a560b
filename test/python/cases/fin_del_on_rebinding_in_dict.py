# category: finalizers
# what: overwriting a dict value finalizes the old value before the statement finishes
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {"slot": D("old")}
print("replacing")
d["slot"] = D("new")
print("replaced")
d.update(slot=D("newer"))
print("updated")
d.clear()
print("cleared")
