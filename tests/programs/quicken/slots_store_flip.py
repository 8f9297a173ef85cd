# Attribute stores on instances of classes with __slots__ are cached (shape
# transitions and slot stores); a class without the name in its __slots__
# reaching the same site still raises AttributeError, and instances
# reaching it in another shape still work.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    __slots__ = ("y",)


class R:
    __slots__ = ("y", "x")


def set_x(o, v):
    o.x = v
    return o.x


ps = [P(i, i + 1) for i in range(300)]
total = 0
for p in ps:
    total += set_x(p, p.x * 2)
print(total)

for o in [Q(), R(), P(1, 2)]:
    try:
        print(type(o).__name__, set_x(o, 7))
    except AttributeError as e:
        print(type(o).__name__, "AttributeError:", e)

r = R()
r.y = 5
print(set_x(r, 9), r.y)
fresh = P.__new__(P)
print(set_x(fresh, 3))
try:
    print(fresh.y)
except AttributeError as e:
    print("AttributeError:", e)
