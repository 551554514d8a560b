# category: generators
# what: two generators from one function keep separate locals
def counter(start):
    n = start
    while n < start + 3:
        yield n
        n += 1
a = counter(0)
b = counter(10)
print(next(a), next(b), next(a), next(b))
print(list(a), list(b))
