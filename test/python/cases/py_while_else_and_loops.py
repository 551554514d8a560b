# category: everyday
# what: for-else and while-else run only when no break happens
for n in [2, 3, 4]:
    if n % 2 == 1:
        print("found odd", n)
        break
else:
    print("no odd")
for n in [2, 4]:
    if n % 2 == 1:
        break
else:
    print("no odd")
i = 0
while i < 3:
    i += 1
else:
    print("while done", i)
