# internal: Maximum BigInt size exceeded (Python 3.12; fuzz seed 1 run 77)
1<<10**10