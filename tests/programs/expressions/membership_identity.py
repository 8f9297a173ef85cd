# in / not in across container types, is / is not.
print(3 in [1, 2, 3], 3 in (1, 2), 3 in {3: "x"}, 3 in {1, 3}, 3 in range(5), "3" in "123")
print("x" not in {"x": 1}, "ab" in "cabd", "" in "", [1] in [[1], [2]], (1, 2) in [(1, 2)])
print(1.0 in [1], True in [1], 2 ** 70 in {2 ** 70: 0}, None in [0, False, ""], 0 in [False])
d = {"a": 1}
print("a" in d, 1 in d, 1 in d.values(), ("a", 1) in d.items())
a = [1, 2]
b = [1, 2]
c = a
print(a is b, a is c, a == b, a is not b, c is not a)
print(None is None, True is True, type(1) is int, type(a) is list)
x = None
print(x is None, x is not None)
def same(p, q):
    return p is q
print(same(a, c), same(a, b), same(len, len))
s = set(range(0, 100, 5))
print([v for v in range(20) if v in s], 95 in s, 96 not in s)
class C:
    def __contains__(self, item):
        return item % 2 == 0
print(4 in C(), 5 in C(), 5 not in C())
