# Class attributes: shared state, shadowing by instances, assignment after the class statement.
class Config:
    version = 1
    items = []
    def describe(self):
        return "v%d %r" % (self.version, self.items)
c1 = Config()
c2 = Config()
c1.items.append("shared")
print(c1.describe(), c2.describe())
c1.version = 99
print(c1.version, c2.version, Config.version)
Config.version = 2
print(c1.version, c2.version)
Config.extra = "added later"
print(c1.extra, c2.extra, Config.extra)
def added_method(self, x):
    return "added method got %r, version %d" % (x, self.version)
Config.added = added_method
print(c2.added(5), c1.added("y"))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(4)]
print(Counter.instances, [c.id for c in cs])
class Shape:
    sides = 0
    name = "shape"
    def info(self):
        return "%s with %d sides" % (self.name, self.sides)
class Triangle(Shape):
    sides = 3
    name = "triangle"
class Square(Shape):
    sides = 4
print(Shape().info(), Triangle().info(), Square().info())
Shape.name = "polygon"
print(Square().info(), Triangle().info())
del c1.version
print(c1.version)
print(hasattr(Config, "added"), getattr(Config, "missing", "default"))
setattr(Config, "dynamic", 42)
print(c2.dynamic)
class WithConst:
    SCALE = 10
    TABLE = [0, 10, 20]
    def scaled(self, v):
        return v * self.SCALE
print(WithConst().scaled(4), WithConst.TABLE)
