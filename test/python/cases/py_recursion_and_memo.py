# category: everyday
# what: a recursive function with a dict memo
memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(80), len(memo))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def depth(lst):
    return 1 + max((depth(x) for x in lst if isinstance(x, list)), default=0)
print(depth([1, [2, [3, []]], [4]]))
