log = []
class K:
    __slots__ = ("v", "i")
    def __init__(self, v, i): self.v = v; self.i = i
    def __lt__(self, o):
        log.append((self.i, o.i))
        return self.v < o.v
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed
g = lcg(42)
def data(n, mod, pattern):
    if pattern == "rand": return [next(g) % mod for _ in range(n)]
    if pattern == "asc": return list(range(n))
    if pattern == "desc": return list(range(n, 0, -1))
    if pattern == "saw": return [i % 17 for i in range(n)]
    if pattern == "runs": return sorted(next(g) % mod for _ in range(n // 2)) + sorted(next(g) % mod for _ in range(n - n // 2))
    if pattern == "fewdesc": return [i if i % 50 else -i for i in range(n)]
for n in [0, 1, 2, 3, 5, 10, 63, 64, 65, 129, 300, 1100]:
    for pattern in ["rand", "asc", "desc", "saw", "runs", "fewdesc"]:
        for mod in [3, 1000]:
            xs = [K(v, i) for i, v in enumerate(data(n, mod, pattern))]
            log.clear()
            out = sorted(xs)
            h = 0
            for a, b in log:
                h = (h * 1000003 + a * 7919 + b) % (2**61 - 1)
            print(n, pattern, mod, len(log), h, [k.i for k in out[:5]], [k.i for k in out[-3:]])
            log.clear()
            ys = list(xs)
            ys.sort(reverse=True)
            print("  rev", len(log), [k.i for k in ys[:5]])
# inconsistent comparisons
class Chaos:
    def __init__(self, i): self.i = i
    def __lt__(self, o): return (self.i * 7 + o.i * 3) % 5 < 2
print([c.i for c in sorted([Chaos(i) for i in range(200)])][:40])
# error mid-sort leaves permutation
class Boom:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Boom.calls += 1
        if Boom.calls == 150: raise ValueError("boom")
        return self.v < o.v
bs = [Boom((i * 37) % 101) for i in range(101)]
try:
    bs.sort()
except ValueError as e:
    print(e, [b.v for b in bs][:30])
bs = [Boom((i * 37) % 101) for i in range(101)]
Boom.calls = 0
try:
    bs.sort(reverse=True)
except ValueError as e:
    print(e, [b.v for b in bs][:30])
print(sorted([3, 1, 2], key=lambda x: -x), sorted("hello world"), sorted([(1, "b"), (1, "a"), (0, "z")]))
