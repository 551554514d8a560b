# internal: Invalid string length (Python 3.13; fuzz seed 1 run 93)
'\t'.expandtabs(10**10)