# Starred unpacking from each kind of source: tuples, lists built by list(),
# list subclasses, strings and iterators, at the minimum length, longer,
# and too short (CPython's messages), with the starred target first, middle
# and last; the source itself as a target.
class L(list):
    pass


sources = [(1, 2), [1, 2, 3], list(range(5)), tuple(range(4)), L([7, 8, 9]), "xyz", iter([4, 5])]
for src in sources:
    a, *b = src if not isinstance(src, type(iter([]))) else iter([4, 5])
    print(type(b).__name__, a, b)
for src in [(1, 2), list(range(6)), L([1, 2, 3])]:
    *a, b, c = src
    print(a, b, c)
    x, *y, z = src
    print(x, y, z)
for src in [(1,), [], L([1]), list("a"), "a"]:
    try:
        a, *b, c = src
        print("ok", a, b, c)
    except ValueError as e:
        print("ValueError:", e)
d = dict(a=1, b=2)
k1, *ks = d
print(k1, ks, type(dict([(1, 2)])) is dict, type(list("ab")) is list)
s = [1, 2, 3]
s, *rest = s
print(s, rest)
m = list(range(4))
m[0], *m[1:3] = m
print(m)
for first, *others in [list(range(3)), (9,), L([5, 6])]:
    print(first, others)
