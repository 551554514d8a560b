# invariant: unsupported construct inside __del__ while a traceback is freed (Python 3.12; fuzz seed 12 run 8497)
class D:
 def __del__(f):__import__("")
def fail():
    d=D()
    e
try:fail()
except:()
