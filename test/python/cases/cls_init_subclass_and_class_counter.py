# category: classes-slots
# what: __init_subclass__ runs once per subclass definition
class Plugin:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(cls.__name__)
class A(Plugin):
    pass
class B(Plugin):
    pass
class C(A):
    pass
print(Plugin.registry)
