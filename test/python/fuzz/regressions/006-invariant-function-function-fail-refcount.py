# invariant: function <function fail>: refcount N, references N (Python 3.13; fuzz seed 4 run 2638)
class D:
 def __del__(f):tuple(range(10**9))
def fail():D()()
try:fail()
except:d