# List indexing and stores in hot loops (compiled code reads and writes the
# items directly): negative indexes, the list growing and shrinking while
# indexed, out-of-range IndexErrors from inside the loop, tuples and list
# subclasses at the same sites.
def total(xs, n):
    s = 0
    for i in range(n):
        s = s + xs[i] - xs[-1 - i]
    return s


def fill(xs, n):
    for i in range(n):
        xs[i] = xs[i - 1] + i
    return xs


class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10


data = list(range(50))
for k in range(40):
    r = total(data, 50)
print(r, total(data, 10))
print(fill(list(range(8)), 8), fill([0.5] * 5, 5))
print(total(tuple(range(20)), 20), total(L(range(6)), 6))
grow = [1, 2, 3]
for k in range(30):
    grow.append(total(grow, 3))
print(grow[-3:], len(grow))
for bad in ([1, 2], [], (1,)):
    try:
        print(total(bad, 3))
    except IndexError as e:
        print("IndexError", e)
try:
    fill([1, 2], 3)
except IndexError as e:
    print("IndexError", e)
try:
    fill((1, 2, 3), 2)
except TypeError as e:
    print("TypeError", e)
