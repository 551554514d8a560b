# timeout (Python 3.12; fuzz seed 1 run 422)
(10**500)**10**5