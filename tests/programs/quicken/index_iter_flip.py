# Quickened list indexing and for-loops over ranges and lists fall back
# when the indexed object, the index or the iterable changes type.

class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


def at(xs, i):
    return xs[i]


for xs, i in [([1, 2, 3], 0), ([4, 5, 6], -1), ((7, 8), 1), ("abc", 2), ({1: "one"}, 1),
              ([9], 2 ** 70 - 2 ** 70), (Seq(5), 3), ([1, 2, 3], True), (range(10), 4)]:
    print(at(xs, i))
for bad in [([1, 2], 5), ([1, 2], "x"), ((1,), 3), ({}, 7)]:
    try:
        at(*bad)
    except (IndexError, TypeError, KeyError) as e:
        print(type(e).__name__, e)


def total(it):
    s = 0
    for x in it:
        s += x
    return s


for it in [range(5), [1, 2, 3], range(0, 20, 3), (4, 5), {7, 8}, iter([1, 1]), Seq(4),
           (i * 2 for i in range(3)), range(2 ** 40, 2 ** 40 + 3), [], range(0), "x" and [10]]:
    print(total(it))

# Mutating a list while a quickened loop walks it.
xs = [1, 2, 3]
seen = []
for x in xs:
    seen.append(x)
    if len(xs) < 6:
        xs.append(x * 10)
print(seen, xs)
