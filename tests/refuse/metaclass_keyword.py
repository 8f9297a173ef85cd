# Metaclasses are never supported.
class Base:
    pass
print("before")
class Widget(Base, metaclass=type):
    pass
print(Widget)
