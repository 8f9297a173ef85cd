# Float powers and tuple/list unpacking inside hot loops (compiled code does
# both natively): results, CPython's errors from inside the loop, and
# sequences of the wrong kind or length.
def g(xs):
    t = 0.0
    for p in xs:
        a, b = p
        t = t + a ** b
    return t


for k in range(30):
    r = g([(2.0, 3), (9.0, 0.5), (2, 0.5), [1.5, -2.0], (7.25, 1.0)])
print(r)
for bad in ([(10.0, 400.0)], [(0.0, -1.0)], [(1, 2, 3)], [(1.0,)], [3.0]):
    try:
        print(g(bad))
    except (OverflowError, ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(g([(float("inf"), 2.0), (2.0, float("-inf"))]))
print(g([(float("nan"), 0.0)]), g([(1.0, float("nan"))]))
print(g([{1.0: 0, 2.0: 1}]) if False else g([("ab", "cd")]) if False else "ok")


def h(rows):
    out = []
    for x, y, z in rows:
        out.append(x * y - z)
    return out


print(h([(1, 2, 3), [4, 5, 6], (0.5, 2.0, 1)] * 5)[-3:])
try:
    h([(1, 2)])
except ValueError as e:
    print("ValueError", e)
