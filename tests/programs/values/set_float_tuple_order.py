# Sets of floats and tuples: hashing must match CPython (hash(0.5) etc.).
f = {0.5, 1.5, 2.25, -0.75, 3.0, 1e10, 1e-3, 100.125}
print(f)
print([x for x in f])
fi = {1, 1.0, 2.0, 3, 3.5, 4.5, 0.1}
print(fi, len(fi))
t = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 3), (-1, -1), (5, 5)}
print(t)
for p in t:
    print(p, end=";")
print()
grid = set()
for x in range(5):
    for y in range(5):
        if (x * 3 + y * 5) % 4 != 0:
            grid.add((x, y))
print(grid)
print(len(grid))
nested = {((1, 2), 3), ((3, 2), 1), (1, (2, 3)), ()}
print(nested)
moves = {(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)}
print(moves)
reach = {(0, 0)}
for step in range(3):
    new = set()
    for (x, y) in reach:
        for (dx, dy) in moves:
            if 0 <= x + dx < 6 and 0 <= y + dy < 6:
                new.add((x + dx, y + dy))
    reach = reach | new
    print(step, len(reach), reach)
fl = {i / 4 for i in range(-6, 7)}
print(fl)
ft = {(0.5, 1), (1.5, "x" == "y"), (2.0, None is None)}
print(ft)
