# category: robustness
# what: object.__init_subclass__ names the class it is bound to, and the text stream's methods check their argument counts
class A:
    pass
try:
    class B(A, x=1):
        pass
except TypeError as e:
    print(e)
try:
    A.__init_subclass__(1)
except TypeError as e:
    print(e)
import sys
try:
    sys.stdout.write()
except TypeError as e:
    print(e)
try:
    sys.stdout.flush(1)
except TypeError as e:
    print(e)
try:
    [].append()
except TypeError as e:
    print(e)
try:
    [].append(1, 2)
except TypeError as e:
    print(e)
try:
    sys.stdout.write(1)
except TypeError as e:
    print(e)
print(sys.stdout.isatty() in (True, False), sys.stdout.writable())
