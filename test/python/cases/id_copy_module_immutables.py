# category: identity
# what: copy.copy and deepcopy return immutable atomic values and tuples of them unchanged
import copy
t = (1, "a", 2.5)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
l = [1, 2]
print(copy.copy(l) is l, copy.copy(l) == l)
nested = ([1], 2)
dc = copy.deepcopy(nested)
print(dc is nested, dc[0] is nested[0], dc == nested)
sc = copy.copy(nested)
print(sc is nested)
