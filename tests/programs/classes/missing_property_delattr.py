class D(dict):
    def __missing__(self, k):
        self[k] = v = len(self)
        return v
d = D(a=10)
print(d["a"], d["b"], d["c"], d, d.get("zz"), "zz" in d)
class Plain(dict):
    pass
try:
    Plain()["nope"]
except KeyError as e:
    print("KeyError", e)
class Sup(dict):
    def __missing__(self, k): return "default-" + k
    def __getitem__(self, k):
        return super().__getitem__(k).upper()
print(Sup(x="y")["x"], Sup()["q"])
class Q:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.deleter
    def v(self):
        print("deleting v")
        self._v = None
    @property
    def ro(self): return 1
q = Q()
del q.v
print(q.v)
try:
    q.ro = 5
except AttributeError as e:
    print(e)
try:
    del q.ro
except AttributeError as e:
    print(e)
class Guard:
    def __init__(self): self.a = 1; self.b = 2
    def __delattr__(self, name):
        if name == "a":
            raise AttributeError("a is protected")
        print("del", name)
        object.__delattr__(self, name)
g = Guard()
del g.b
try:
    del g.a
except AttributeError as e:
    print(e)
try:
    del g.b
except AttributeError as e:
    print(e)
print(g.a, hasattr(g, "b"))
print(..., repr(...), str(Ellipsis), [1, ...], Ellipsis is ..., NotImplemented, repr(NotImplemented), type(...).__name__)
class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
try:
    Pt(1, 2).__dict__
except AttributeError as e:
    print(e)
class Free:
    def __init__(self): self.k = 1
print(Free().__dict__)
