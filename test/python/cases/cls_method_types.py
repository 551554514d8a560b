# category: classes-slots
# what: functions accessed through a class are plain functions, through an instance bound methods
class M:
    def f(self):
        return 1
m = M()
print(type(M.f).__name__, type(m.f).__name__)
print(m.f.__func__ is M.f, m.f.__self__ is m)
print(m.f is m.f, m.f == m.f)
