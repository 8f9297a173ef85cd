from collections import defaultdict

d = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    d[word[0]].append(word)
print(d)
print(d["a"], d["z"], len(d))
print(d)
print(dict(d))

c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
print(c, c["m"], c.get("q"), "q" in c)
print(sorted(c.items()))

n = defaultdict()
print(n, n.default_factory)
try:
    n["x"]
except KeyError as e:
    print("KeyError", e)
def made():
    return "made"


n.default_factory = made
print(n["x"], dict(n), n.default_factory is made)
n.default_factory = None
print(repr(defaultdict(None, {})), defaultdict(None))

e = defaultdict(str, {"a": 1}, b=2)
print(e, e.default_factory)
print(e == {"a": 1, "b": 2}, {"a": 1, "b": 2} == e, e != {"a": 1})
print(isinstance(e, dict), isinstance(e, defaultdict), type(e))
f = e.copy()
f["c"]
print(f, e, type(f).__name__)

nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 3
nested["x"]["z"] += 1
nested["w"]["y"] -= 1
print({k: dict(v) for k, v in nested.items()})

s = defaultdict(set)
s[1].add(10)
s[1].add(10)
s[2].add(5)
print(s)
print(list(s.keys()), list(s.values()))
print(defaultdict(tuple)[0], defaultdict(float)["k"])
print(d.pop("a"), d.setdefault("q", [1]), sorted(d))
del d["b"]
print(d)
for k in c:
    print(k, end=" ")
print()
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)


class Counting(defaultdict):
    def total(self):
        return sum(self.values())


ct = Counting(int)
for w in "a b a c a".split():
    ct[w] += 1
print(ct, ct.total())
print(defaultdict(list, [(1, [2])]))
r = defaultdict(list)
r["self"] = r
print(r)
