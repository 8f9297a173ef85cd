# hash() of ints, floats, bools, None-free tuples, frozensets of ints.
for v in [0, 1, -1, -2, 2 ** 31, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 10 ** 20, -(10 ** 20)]:
    print(v, hash(v))
for f in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 1e-100, 2.0 ** 61, 123456.789]:
    print(f, hash(f))
for t in [(), (0,), (1, 2), (2, 1), (1, (2, 3)), (-1,), (0.5, 2), ((), ()), (True, False)]:
    print(t, hash(t))
print(hash(True), hash(False))
print(hash(7) == hash(7.0), hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset([1])) == hash(frozenset([1.0])))
