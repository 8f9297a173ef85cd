# len, range, enumerate.
print(len("hello"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 3}), len(range(10)), len(""), len(frozenset([1])))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0, -5, -1)))
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
for i, (a, b) in enumerate(zip("xyz", [1, 2, 3]), start=10):
    print(i, a, b)
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "end"))
print(dict(enumerate("hey")))
print(sum(i * v for i, v in enumerate([3, 1, 4, 1, 5])))
print(len(str(2 ** 1000)), len([[]]), len("\u00e9\u4e2d"))
