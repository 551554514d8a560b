# invariant: builtin_function_or_method <built-in function remove>: alive with no reference (Python 3.10; fuzz seed 4 run 4820)
import weakref
r=()
weakref.WeakValueDictionary()[""]=r