# Unpacking in for-loop targets, including nested and starred targets.
pairs = [((1, 2), 3), ((4, 5), 6), ((7, 8), 9)]
for ((a, b), c) in pairs:
    print(a, b, c, a + b + c)
for (a, b), c in pairs:
    print(a * b - c)
for first, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(first, others)
for i, (name, score) in enumerate([("ann", 90), ("bob", 72), ("cy", 85)]):
    print(i, name, score)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for x, y in zip(range(3), "abc"):
    print(x, y)
grid = [[(r, c) for c in range(3)] for r in range(2)]
for row in grid:
    for (r, c) in row:
        print(r * 10 + c, end=" ")
    print()
total = 0
for *head, tail in [[1, 2, 3], [4, 5], [6]]:
    total += tail
    print(head, tail)
print(total)
obj = {}
for obj["key"] in [1, 2, 3]:
    pass
print(obj)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    print(lst)
print(lst)
