# category: refcount-basic
# what: += on a list extends it in place; on a tuple it builds a new object
import sys
lst = [1]
alias = lst
lst += [2]
print(lst is alias, alias, sys.getrefcount(lst))
t = (1,)
talias = t
t += (2,)
print(t is talias, talias, t)
print(sys.getrefcount(talias))
