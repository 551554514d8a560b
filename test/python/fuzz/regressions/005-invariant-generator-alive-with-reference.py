# invariant: generator <generator g>: alive with no reference (Python 3.13; fuzz seed 3 run 2658)
def g():yield
g(int)