# invariant: a step budget reached inside a __del__ during shutdown (Python 3.12; fuzz 60 s campaign of 2026-11-23)
class Bad:
    def __init__(f,n):n
    def __del__(f):sorted(range(10**9))
[Bad(1),Bad(2)]
