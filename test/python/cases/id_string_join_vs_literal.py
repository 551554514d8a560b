# category: identity
# what: strings built at run time are new objects until sys.intern is used
import sys
lit = "hello_world"
built = "_".join(["hello", "world"])
print(lit == built, lit is built)
print(sys.intern(built) is lit)
a = sys.intern("".join(["dyn", "amic text"]))
b = sys.intern("dynamic" + " text"[0:5])
print(a is b)
