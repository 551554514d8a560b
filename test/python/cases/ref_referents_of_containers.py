# category: referrers-referents
# what: gc.get_referents of a list reports items last to first; of a str-keyed dict only its values; of atomic objects nothing
import gc
x = [1]
print(gc.get_referents([x, "s", 3]) == [x, "s", 3])
d = {"k": x}
r = gc.get_referents(d)
print(len(r), any(o is x for o in r), "k" in r)
print(gc.get_referents((x, x)) == [x, x])
print(gc.get_referents(5), gc.get_referents("text"))
