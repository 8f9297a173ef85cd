# Set algebra; the results are printed (ints only) so their order matters too.
a = {1, 2, 3, 4, 5, 10, 20}
b = {4, 5, 6, 7, 20, 30}
print(a | b)
print(a & b)
print(a - b)
print(b - a)
print(a ^ b)
print(a.union(b, [100, 200]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {4, 5} <= a, {4, 5} < {4, 5}, a >= {1, 2}, a.issubset(a | b), a.issuperset({1}))
print(a.isdisjoint({99}), a.isdisjoint(b))
c = set(a)
c |= {99, 98}
print(c)
c &= set(range(0, 100, 2))
print(c)
c -= {2, 4}
print(c)
c ^= {1, 10, 3}
print(c)
c.remove(3)
c.discard(12345)
print(c)
try:
    c.remove(12345)
except KeyError as e:
    print("KeyError", e)
print(3 in a, 3 not in b, len(a), len(set()))
print(set(), set([]), {1} == {1.0}, {1, 2} == {2, 1}, {1, 2} != {1})
print(sorted(a ^ b, reverse=True), sum(a), max(b), min(b))
x = {i for i in range(40)}
y = {i for i in range(0, 80, 3)}
print(x & y)
print(y - x)
z = x.copy()
z.clear()
print(z, len(x))
print(set([3, 3, 3, 1, 1]), set((9, 8, 7)), set(range(5)))
