# Attribute loads, stores and method calls whose inline caches saw several
# classes: compiled code tries each cached class, version and shape, and
# leaves for the interpreter on anything else (a new class, a class
# changed while the loop runs, an instance attribute shadowing a method).


class Shape:
    def area(self):
        return 0

    def describe(self):
        return "shape"


class Square(Shape):
    def __init__(self, side):
        self.side = side
        self.size = side

    def area(self):
        return self.side * self.side


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.size = w + h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.size = r
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Tri(Shape):
    def __init__(self, b):
        self.label = "tri"
        self.b = b
        self.size = b

    def area(self):
        return self.b // 2


def total(shapes, rounds):
    t = 0
    for k in range(rounds):
        for s in shapes:
            t += s.area() + s.size
            s.size = s.size + 1
    return t


def grow(shapes, rounds, late):
    t = 0
    for k in range(rounds):
        if k == rounds // 2:
            # A class never seen at these sites, then a changed class.
            shapes.append(late)
            Rect.area = lambda self: -1
        if k == rounds - 3:
            shapes[0].area = lambda: 1000
        for s in shapes:
            t += s.area() + s.size
    return t


shapes = [Square(3), Rect(2, 5), Circle(1), Tri(7), Square(4), Rect(1, 1)]
print(total(shapes, 300))
print([s.size for s in shapes])
print(grow(shapes, 300, Circle(9)))
print([s.describe() for s in shapes])


def mixed_sequences(seqs, n):
    # Indexing tuples and lists at one site (lists inline, tuples by the
    # helper), negative indexes, and an index out of range at the end.
    t = 0
    for k in range(n):
        for s in seqs:
            t += s[0] * s[-1] + s[1]
    try:
        t += seqs[0][7]
    except IndexError as e:
        print("IndexError:", e)
    return t


print(mixed_sequences([(1, 2, 3), [4, 5, 6], (7, 8, 9), [0, 1, 2]], 300))
