# Compiled code reads and writes instance slots without re-checking the
# class's version: a change to the class (here a property that now takes
# precedence over the instance attribute, made by a call from the running
# loop, or between calls) invalidates the code, and the results stay
# CPython's.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make_x_a_property():
    Point.x = property(lambda self: 1000)


def sum_x(points, change_at):
    total = 0
    for i in range(len(points)):
        p = points[i]
        total += p.x + p.y
        p.y = p.y + 1
        if i == change_at:
            make_x_a_property()
    return total


def sum_again(points):
    total = 0
    for p in points:
        total += p.x
    return total


pts = [Point(i, 2 * i) for i in range(2000)]
print(sum_x(pts, 1500))
print(sum_again(pts))
del Point.x
print(sum_again(pts))


class Counter:
    __slots__ = ("n",)

    def __init__(self):
        self.n = 0


def bump_all(cs, rounds):
    for r in range(rounds):
        for c in cs:
            c.n += 1
        if r == rounds // 2:
            Counter.extra = 5
    return sum(c.n for c in cs) + Counter.extra


print(bump_all([Counter() for _ in range(50)], 200))


class Q:
    def __init__(self, x):
        self.x = x


def changing_items(q, n):
    # A generator resumed by the loop's ForIter changes the class.
    for i in range(n):
        if i == n // 2:
            Q.x = property(lambda self: -1)
        yield i


def sum_from_generator(q, n):
    t = 0
    for i in changing_items(q, n):
        t += q.x + i
    return t


print(sum_from_generator(Q(3), 3000))
