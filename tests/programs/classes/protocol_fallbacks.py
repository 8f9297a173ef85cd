class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v
    def __repr__(self): return f"G{self.v}"
xs = [G(2), G(5), G(1)]
print(max(xs))
print(min(xs))
print(sorted(xs))
class L:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __repr__(self): return f"L{self.v}"
ys = [L(2), L(5), L(1)]
print(max(ys), min(ys))
print(sorted(ys, reverse=True))
class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k.upper()
print(dict(M()), {**M()})
class S:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(S()), 20 in S(), 25 in S(), [x for x in S()], sum(S()))
a, b, c = S()
print(a, b, c)
class Add:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Add(o + self.v)
    def __add__(self, o): return Add(self.v + (o.v if isinstance(o, Add) else o))
    def __repr__(self): return f"Add({self.v})"
print(sum([Add(1), Add(2)]), sum([Add(1)], Add(10)))
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
    def __hash__(self): return hash(self.v)
s = {EqOnly(1), EqOnly(1), EqOnly(2)}
print(len(s), EqOnly(1) in s, [EqOnly(1)].index(EqOnly(1)), [EqOnly(1), EqOnly(2)].count(EqOnly(2)))
d = {EqOnly(1): "a"}
d[EqOnly(1)] = "b"
print(len(d), d[EqOnly(1)])
class Truth:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(Truth(0)), bool(Truth(2)), [t.n for t in filter(None, [Truth(0), Truth(1)])], not Truth(0))
if Truth(3): print("truthy")
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class Ctr:
    def __contains__(self, x): return x == 3
print(3 in Ctr(), 4 not in Ctr())
class NoIter: pass
try:
    list(NoIter())
except TypeError as e:
    print(e)
try:
    3 in NoIter()
except TypeError as e:
    print(e)
try:
    len(NoIter())
except TypeError as e:
    print(e)
try:
    NoIter()[0]
except TypeError as e:
    print(e)
try:
    NoIter() + 1
except TypeError as e:
    print(e)
try:
    NoIter() < NoIter()
except TypeError as e:
    print(e)
try:
    -NoIter()
except TypeError as e:
    print(e)
try:
    NoIter()()
except TypeError as e:
    print(e)
try:
    hash(NoIter()) == hash(NoIter())
    print("hash ok")
except TypeError as e:
    print(e)
class IterBad:
    def __iter__(self): return 5
try:
    iter(IterBad())
except TypeError as e:
    print(e)
class NextOnly:
    def __next__(self): return 1
try:
    for x in NextOnly(): pass
except TypeError as e:
    print(e)
