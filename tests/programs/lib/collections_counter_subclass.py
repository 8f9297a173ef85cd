from collections import Counter, OrderedDict


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return f"Key({self.n})"


keys = [Key(i % 5) for i in range(20)]
kc = Counter(keys)
print(kc, kc.most_common(2), kc[Key(4)], kc[Key(9)])


class Loud(Counter):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)

    def most_common(self, n=None):
        print("most_common", n)
        return super().most_common(n)


lc = Loud("aba")
print(lc)
lc.update({"a": 2})
lc.subtract(["b"])
print(repr(lc))


class Tracking(Counter):
    def update(self, iterable=None, /, **kwds):
        print("update", iterable, kwds)
        super().update(iterable, **kwds)


t = Tracking("xy", z=2)
print(t, t.copy())


class Default(Counter):
    def __missing__(self, key):
        return 100


dc = Default(a=1)
print(dc["q"], dc + Counter(q=1), dc == Counter(a=1))

inventory = Counter()
for step in range(200):
    inventory["item%d" % (step % 7)] += step % 5
    if step % 11 == 0:
        inventory.subtract({"item%d" % (step % 3): 4})
print(inventory.most_common(4), inventory.total())
print(sorted(inventory.elements())[:10], len(list(inventory.elements())))
stats = Counter(len(w) for w in "a bb ccc dd e ffff ggg hh i".split())
print(stats, stats.most_common(1), max(stats, key=stats.get))
mixed = Counter({1: 2, "1": 2, 1.5: 3, (1, 2): 1, None: 1})
print(mixed, mixed[None], mixed.most_common(2))
print(Counter(a=-1) + Counter(), +Counter(a=-1, b=2), -Counter(a=-1, b=2))
od = OrderedDict(zip("cab", range(3)))
print(Counter(od), Counter(od).most_common())
x = Counter(a=3)
y = x
y += Counter(a=1)
print(x is y, x)
it = Counter(a=2, b=1).elements()
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("done")
