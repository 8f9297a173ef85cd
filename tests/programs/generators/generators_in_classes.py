# Generators as methods, __iter__ implemented as a generator, generator state per instance.
class Tree:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6, [Tree(7)])])])
print(list(t))
for depth, v in t.walk():
    print("  " * depth + str(v))
print(list(t.leaves()), sum(t), max(t))
class Range2D:
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield (x, y)
    def border(self):
        for x, y in self:
            if x in (0, self.w - 1) or y in (0, self.h - 1):
                yield x, y
r = Range2D(4, 3)
print(list(r))
print(list(r.border()))
class Counter:
    def __init__(self):
        self.n = 0
    def ticks(self, k):
        for _ in range(k):
            self.n += 1
            yield self.n
c = Counter()
g1 = c.ticks(3)
g2 = c.ticks(3)
print(next(g1), next(g2), next(g1), list(g2), list(g1), c.n)
class Fib:
    @staticmethod
    def upto(limit):
        a, b = 0, 1
        while a <= limit:
            yield a
            a, b = b, a + b
    @classmethod
    def first(cls, n):
        g = cls.upto(10 ** 9)
        return [next(g) for _ in range(n)]
print(list(Fib.upto(100)), Fib.first(12))
