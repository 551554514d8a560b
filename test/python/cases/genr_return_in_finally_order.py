# category: generators
# what: a generator's try/finally around a loop runs finally when the loop breaks early
def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("numbers closed at", n)
for x in numbers():
    if x == 2:
        break
print("after loop")
