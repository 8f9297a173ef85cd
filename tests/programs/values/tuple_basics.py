# Tuples: packing, immutability, comparison, hashing, single-element repr.
t = (1, 2, 3)
print(t, len(t), t[1], t[-1], t[::-1], t[1:])
print((), (1,), (1, 2), tuple([4, 5]), tuple("ab"))
u = 4, 5, 6
print(u, type(u))
print(t + u, t * 2, (0,) * 3)
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 99))
print(t.index(2), (1, 1, 2, 1).count(1))
print(2 in t, 7 in t)
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash((1, 2)), hash(()), hash((0,)), hash((-1, -2)), hash((1, (2, 3))))
print(hash((1.5, 2)), hash((True, None is None)))
d = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print(d[(1, 0)], d[0, 1])
pts = [(3, 1), (1, 2), (3, 0), (1, 1)]
print(sorted(pts), max(pts), min(pts))
a, b, c = t
print(a, b, c)
print(repr((1, "x", 2.0)), str(("a",)))
ml = ([1], [2])
ml[0].append(10)
print(ml)
