# internal: Cannot read properties of undefined (reading '…') (Python 3.14; fuzz seed 2 run 104)
(sorted())