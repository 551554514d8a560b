# category: generators
# what: a generator's finally runs when it is exhausted by a for loop
def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup", n)
for x in gen(2):
    print("got", x)
print(sum(gen(3)))
print(list(gen(0)))
