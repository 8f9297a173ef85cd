# super() with zero and two arguments, cooperative __init__ chains.
class Base:
    def __init__(self, x):
        self.x = x
        print("Base.__init__", x)
    def describe(self):
        return "Base(x=%r)" % self.x
    def compute(self, v):
        return v + 1
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Child.__init__", y)
    def describe(self):
        return "Child[" + super().describe() + ", y=%r]" % self.y
    def compute(self, v):
        return super().compute(v) * 10
class GrandChild(Child):
    def __init__(self):
        super(GrandChild, self).__init__(1, 2)
        print("GrandChild.__init__")
    def describe(self):
        return "GC<" + super(GrandChild, self).describe() + ">"
    def compute(self, v):
        return super(Child, self).compute(v) - 1000
g = GrandChild()
print(g.describe())
print(Child(5, 6).describe())
print(Base(0).compute(1), Child(0, 0).compute(1), g.compute(1))
class Stack(list):
    def push(self, v):
        super().append(v)
        return self
    def append(self, v):
        raise RuntimeError("use push")
s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.pop(), s)
try:
    s.append(4)
except RuntimeError as e:
    print("RuntimeError:", e)
class Logged:
    def __init__(self):
        self.events = []
    def log(self, msg):
        self.events.append(msg)
class Service(Logged):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.log("created " + name)
sv = Service("db")
print(sv.events, sv.name)
class Shape:
    def area(self):
        return 0
    def __repr__(self):
        return "%s(area=%s)" % (type(self).__name__, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
print([Shape(), Rect(2, 3), Square(4)])
