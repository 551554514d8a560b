# Two lists that refer to each other: after both dels they are unreachable but still
# alive, until the cycle collector runs.
# (From "Understanding Python Object Memory Management and Garbage Collection".)
a = []
b = [a]
a.append(b)

del a

del b
