# category: refcount-basic
# what: a list holding the same object three times holds three references; remove and pop drop them one at a time
import sys
x = {"k": 1}
box = []
for _ in range(3):
    box.append(x)
print(sys.getrefcount(x))
box.remove(x)
print(sys.getrefcount(x), len(box))
box.pop()
print(sys.getrefcount(x), len(box))
box.clear()
print(sys.getrefcount(x))
