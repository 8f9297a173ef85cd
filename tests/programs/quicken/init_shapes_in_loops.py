# Attributes added by __init__ in hot loops (compiled code adds the slots
# itself): different orders give different shapes, a class changed mid-run,
# an instance switched to dict mode, __slots__ classes, and a subclass
# adding more attributes.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self, x, y, flip):
        if flip:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y


class R(P):
    def __init__(self, x, y, z):
        P.__init__(self, x, y)
        self.z = z


class S:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def build(n):
    out = []
    for i in range(n):
        out.append(P(i, i * 2))
        out.append(Q(i, -i, i % 3 == 0))
        out.append(R(i, i + 1, i + 2))
        out.append(S(i * 0.5, i))
    return out


objs = build(200)
print(sum(o.x for o in objs), sum(o.y for o in objs), sum(o.z for o in objs if isinstance(o, R)))
print(sorted(objs[1].__dict__.items()), sorted(objs[5].__dict__.items()))
P.__init__ = lambda self, x, y: setattr(self, "x", x * 10) or setattr(self, "y", y)
objs = build(50)
print(sum(o.x for o in objs), [type(o).__name__ for o in objs[:4]])
p = objs[0]
p.__dict__["w"] = 1
print(sorted(p.__dict__.items()))
del P.__init__
try:
    build(3)
except TypeError as e:
    print("TypeError", e)
