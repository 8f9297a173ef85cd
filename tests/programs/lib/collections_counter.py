from collections import Counter

c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], "z" in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(1), c.most_common(0), c.most_common(-3), c.most_common(10))
print(sorted(c.elements()), list(c.elements()))
print(c.total(), Counter().total())
print(Counter(), repr(Counter()), str(Counter(a=0)))
print(Counter({"x": 2, "y": 5}), Counter(x=1, y=3, z=3))
print(Counter([1, 2, 2, 3, 3, 3]), Counter(range(5)))
d = Counter(a=3, b=1)
d.update("aab")
print(d)
d.update({"a": 1, "c": 7})
print(d)
d.update(Counter(z=2), q=4)
print(d)
d.subtract("aaaaaaa")
print(d)
d.subtract({"c": 10}, b=1)
print(d, +d, -d)
e = Counter(a=3, b=1, c=0, d=-2)
f = Counter(a=1, b=2, d=1, e=5, g=-1)
print(e + f, e - f, f - e, e | f, e & f, f & e)
print(e == f, e == e.copy(), Counter(a=1, b=0) == Counter(a=1), Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1))
print(Counter(a=1) < Counter(a=2), Counter(a=1) <= Counter(a=1), Counter(a=2) > Counter(a=1, b=0), Counter(a=1) >= Counter(a=1, b=1))
print(Counter(a=1) != Counter(a=1), Counter(a=1) != Counter(a=2))
g = Counter(a=3, b=-1)
g += Counter(b=2, c=1)
print(g)
g -= Counter(a=1, c=5)
print(g)
g |= Counter(a=5, z=1)
print(g)
g &= Counter(a=2, z=7)
print(g)
g += {"q": 3}
print(g)
h = Counter("hello world")
del h["l"]
del h["missing"]
print(h, h.get("l"), h.get("q", 9))
try:
    Counter.fromkeys("abc")
except NotImplementedError as ex:
    print("NotImplementedError", ex)
for bad in [lambda: Counter(5), lambda: Counter(1, 2), lambda: Counter().update(1, 2), lambda: Counter(a=1) + {"b": 2}, lambda: Counter(a=1) < {"a": 2}, lambda: Counter("ab").most_common(1.5), lambda: list(Counter(a=1.5).elements())]:
    try:
        print(bad())
    except TypeError as ex:
        print("TypeError", ex)
try:
    k = Counter()
    k += 5
except AttributeError as ex:
    print("AttributeError", ex)
print(Counter(a=1) | {"b": 2}, {"b": 2} | Counter(a=1))
print(Counter(a="x", b=1), Counter(a=2.5, b=1, c=True))
print(type(Counter(a=1) + Counter()).__name__, isinstance(c, dict), type(c), Counter)
class MyCounter(Counter):
    pass
m = MyCounter("aab")
print(m, m.copy(), type(m.copy()).__name__, type(m + m).__name__, MyCounter())
words = "the quick brown fox jumps over the lazy dog the end fox".split()
wc = Counter(words)
print(wc.most_common(3))
for w, n in wc.most_common():
    print(w, n, end="; ")
print()
print(Counter(iterable=3), Counter(self=1))
ties = Counter("zyxwvzyxz")
print(ties.most_common(), ties.most_common(2), ties.most_common(3))
print(dict(c), list(c), list(c.keys()), list(c.values()))
print(c.most_common(n=2))
