# category: generators
# what: a generator's gi_frame is set while it can run and None once it has finished
def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "finished"
g = echo()
print(g.gi_frame is not None, g.gi_running)
next(g)
print(g.send("hi"))
try:
    g.send("stop")
except StopIteration as e:
    print("stopped", e.value)
print(g.gi_frame)
