# __slots__: fixed attributes, AttributeError for others, inheritance with slots.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p.x, p.y, p.norm2())
p.x = 10
print(p.norm2())
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def norm2(self):
        return super().norm2() + self.z * self.z
q = Point3(1, 2, 3)
print(q.norm2(), q.z)
class Particle:
    __slots__ = ["pos", "vel", "mass"]
    def __init__(self, pos, vel, mass=1.0):
        self.pos = pos
        self.vel = vel
        self.mass = mass
    def step(self, dt):
        self.pos = self.pos + self.vel * dt
ps = [Particle(float(i), 0.5 * i) for i in range(5)]
for _ in range(10):
    for pt in ps:
        pt.step(0.1)
print([round(pt.pos, 6) for pt in ps])
u = Point(0, 0)
del u.x
try:
    print(u.x)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(u, "x"), hasattr(u, "y"), hasattr(u, "w"))
