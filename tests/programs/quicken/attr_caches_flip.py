# Inline caches for attribute loads/stores and method loads must fall back
# correctly when the receiver's class, shape or class contents change.

class A:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class B:
    def __init__(self, v):
        self.w = 0
        self.v = v * 10

    def get(self):
        return -self.v


def read(o):
    return o.v


def call(o):
    return o.get()


objs = [A(1), A(2), B(3), A(4), B(5)]
for round_ in range(3):
    print([read(o) for o in objs], [call(o) for o in objs])

# Shape change on one instance (attribute added later, different order).
a = A(7)
a.extra = 1
print(read(a), call(a), read(A(8)))

# An instance attribute shadowing a method after the site was cached.
s = A(9)
print(call(s))
s.get = lambda: "shadowed"
print(call(s), call(A(10)))

# Replacing the method on the class after caching.
A.get = lambda self: self.v * 100
print([call(o) for o in objs])

# A property appearing on the class after attribute loads were cached.
def getv(self):
    return "prop"
print([read(o) for o in objs[:2]])
A.v = property(getv, lambda self, x: None)
print([read(o) for o in objs])
del A.v
print(read(A(11)))

# __dict__ switches an instance to a dict after its stores were cached.
d = B(1)
print(d.v, call(d))
d.__dict__["v"] = 99
print(read(d), call(d))
for k in range(3):
    e = B(k)
    e.v = k + 1
    print(read(e), e.__dict__ if k == 2 else "")


# Stores: existing slot, added slot, then a class with __setattr__.
class C:
    def __init__(self):
        self.a = 1
        self.b = 2


for i in range(3):
    c = C()
    c.a += i
    print(c.a, c.b)


def set_a(o, x):
    o.a = x


class D:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


for o in [C(), C(), D(), C()]:
    set_a(o, 5)
    print(type(o).__name__, o.a)

# Methods cached on builtin receivers, then a different receiver type.
def app(x, v):
    x.append(v)
    return x


class MyList(list):
    def append(self, v):
        list.append(self, v * 2)


print(app([1], 2), app([], 3), app(MyList([1]), 4), app([0], 1))
