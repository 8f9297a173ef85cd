# Polymorphic attribute, store and method sites: several classes and shapes
# at one site, entries invalidated by class changes mid-run, more receivers
# than a site keeps, attributes added in different orders, and a receiver
# switching to dict mode.  Every result must match the generic path.
class Base:
    def __init__(self, v):
        self.v = v

    def kind(self):
        return "base"

    def bump(self, d):
        self.v = self.v + d
        return self.v


class A(Base):
    def kind(self):
        return "a"


class B(Base):
    def __init__(self, v):
        self.w = -v
        self.v = v


class C(Base):
    pass


class D(Base):
    def kind(self):
        return "d"


class E(A):
    def kind(self):
        return "e" + A.kind(self)


def read(o):
    return o.v


def write(o, x):
    o.v = x


def add_attr(o, x):
    o.extra = x
    return o.extra


def step(objs, rounds):
    out = []
    for r in range(rounds):
        for o in objs:
            out.append((o.kind(), read(o), o.bump(r)))
    return out


objs = [Base(1), A(2), B(3), C(4)]
print(step(objs, 3))
objs += [D(5), E(6)]
print(step(objs, 3))
for o in objs:
    write(o, 10)
    print(type(o).__name__, add_attr(o, read(o) * 2), read(o))


# Change a class while its entries sit in the caches.
def a_kind(self):
    return "patched-a"


A.kind = a_kind
print(step(objs, 2))
del A.kind
print(step(objs, 2))
Base.v = property(lambda self: 99)
print([read(o) if not isinstance(o, Base) else type(o).__name__ for o in objs])
try:
    print(read(objs[0]))
except Exception as e:
    print(type(e).__name__)
del Base.v
print([read(o) for o in objs])

# A receiver in dict mode and one with an instance attribute shadowing a method.
c = C(7)
c.__dict__["v"] = 70
print(read(c), step([c], 1))
b = B(8)
b.kind = lambda: "shadow"
print([o.kind() for o in [b, B(1), A(1), b]])
