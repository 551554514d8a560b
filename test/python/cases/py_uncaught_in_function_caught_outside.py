# category: everyday
# what: exceptions propagate out of nested calls until caught; finally blocks run on the way
def level3():
    try:
        raise IndexError("lvl3")
    finally:
        print("finally 3")
def level2():
    try:
        level3()
    finally:
        print("finally 2")
try:
    level2()
except IndexError as e:
    print("caught", e)
