# __call__ __repr__ __str__ __bool__ __len__-based truth.
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        r = 0
        for c in reversed(self.coeffs):
            r = r * x + c
        return r
    def __repr__(self):
        return "Polynomial%r" % (self.coeffs,)
    def __str__(self):
        terms = []
        for i, c in enumerate(self.coeffs):
            if c:
                terms.append("%d" % c if i == 0 else "%dx^%d" % (c, i))
        return " + ".join(terms) or "0"
    def __bool__(self):
        return any(self.coeffs)
p = Polynomial(1, 0, 3)
print(p(0), p(2), [p(x) for x in range(-3, 4)])
print(p)
print(repr(p), str(p), [p], (p,), {"p": p})
print("%s | %r" % (p, p))
print(bool(p), bool(Polynomial(0, 0)), str(Polynomial()))
if not Polynomial(0):
    print("zero polynomial is falsy")
class Bag:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
print(bool(Bag([])), bool(Bag([1])), "empty" if not Bag([]) else "full")
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), str(OnlyStr()))
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, times=1):
        self.calls += 1
        return x + self.n * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), list(map(add5, [10, 20])), add5.calls)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__ called for", self.v)
        return self.v > 0
r = Truthy(1) and Truthy(-1) or Truthy(2)
print(r.v)
print([t.v for t in [Truthy(3), Truthy(-3)] if t])
