from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p))
print(p == (1, 2), p != (1, 2), p < (1, 3), p > Point(0, 5), hash(p) == hash((1, 2)))
x, y = p
print(x, y, list(p), tuple(p), p[:1], p[::-1])
print(isinstance(p, tuple), isinstance(p, Point), type(p), Point)
print(Point._fields, Point.__name__)
print(p._asdict(), type(p._asdict()).__name__)
q = p._replace(y=10)
print(q, p)
print(Point._make([5, 6]), Point._make(range(2)))
print(Point(y=3, x=4), Point(7, y=8))
print(p + (3,), p * 2, 1 in p, 5 in p)
print(p.count(1), p.index(2))
print({p: "pt"}[Point(1, 2)], {(1, 2): "tuple"}[p])
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(max(Point(3, 4)), sum(Point(3, 4)))

Color = namedtuple("Color", ["red", "green", "blue"], defaults=[0, 255])
print(Color(1), Color(1, 2), Color(1, 2, 3), Color._field_defaults)
Emp = namedtuple("Emp", "name, age  ,  title")
print(Emp("ann", 31, "dev"), Emp._fields)
R = namedtuple("R", "a def class _x a", rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
E = namedtuple("E", "")
print(E(), E._fields, len(E()))
M = namedtuple("M", "a b", module="geometry")
print(M, M.__module__, Point.__module__)
print(Point.__doc__)
print(p.__class__.__name__, repr(p), str(p))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    p[0] = 5
except TypeError as e:
    print("TypeError", e)
nested = Point(Point(1, 2), [3])
print(nested, nested.x.y)
print([Point(i, i * i) for i in range(3)])
print(Point(1, 2) == Color(1, 2), Point(1.0, 2) == Point(1, 2))
d = {}
for pt in [Point(1, 2), Point(1, 2), Point(2, 1)]:
    d[pt] = d.get(pt, 0) + 1
print(d)
