# category: refcount-basic
# what: a tuple with the same object in three slots adds three references
import sys
a = [None]
print(sys.getrefcount(a))
t = (a, a, a)
print(sys.getrefcount(a))
u = t
print(sys.getrefcount(a), sys.getrefcount(t))
del t, u
print(sys.getrefcount(a))
