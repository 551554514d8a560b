# category: classes-slots
# what: counting live instances with __init__ and __del__
class Tracker:
    live = 0
    def __init__(self):
        Tracker.live += 1
    def __del__(self):
        Tracker.live -= 1
a = Tracker()
b = Tracker()
c = [Tracker() for _ in range(3)]
print(Tracker.live)
c.pop()
print(Tracker.live)
del c
print(Tracker.live)
b = a
print(Tracker.live)
