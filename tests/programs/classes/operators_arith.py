# Arithmetic operator methods: __add__ __sub__ __mul__ __rmul__ __truediv__ __neg__ and NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
a = Vec(1, 2)
b = Vec(3, -4)
print(a + b, a - b, a * 3, 3 * a, a * b, -a, b / 2, a / 4)
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a == "x")
c = a
c += b
print(c, a, c is a)
c *= 2
print(c)
print(sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self.__add__(other)
    def __repr__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
print(sum([Money(150), Money(275), Money(5)]), 10 + Money(90), Money(1) + 2)
pos = Vec(0.0, 0.0)
vel = Vec(1.5, -0.25)
for step in range(5):
    pos = pos + vel * 0.5
    vel = vel - Vec(0, 0.125)
    print(step, pos, vel)
