# category: scope-lifetime
# what: del removes a name but the object lives on while another reference exists
class Obj:
    def __del__(self):
        print("Obj freed")
a = Obj()
holder = {"x": a}
del a
try:
    a
except NameError as e:
    print(e)
print(type(holder["x"]).__name__)
holder.clear()
print("end")
