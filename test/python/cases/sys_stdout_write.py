# category: everyday
# what: sys.stdout.write writes like print without the newline and returns the number of characters
import sys
n = sys.stdout.write("héllo ")
print(n)
print(sys.stdout.write(""), sys.stdout.name, sys.stderr.name)
print(sys.stdout)
sys.stdout.flush()
