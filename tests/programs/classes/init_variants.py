class Mixin:
    def __init__(self, *a, **k):
        self.mixed = True
        super().__init__(*a, **k)
class Base:
    def __init__(self, v=0):
        self.v = v
class C(Mixin, Base): pass
c = C(5)
print(c.mixed, c.v, [k.__name__ for k in C.__mro__])
class L:
    __init__ = lambda self, x: setattr(self, "x", x)
print(L(3).x)
def external_init(self, a, b=2):
    self.s = a + b
class X: pass
X.__init__ = external_init
print(X(1).s, X(1, b=5).s)
class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n else None
def depth(node):
    d = 0
    while node: d += 1; node = node.child
    return d
print(depth(Node(300)))
import sys
try:
    Node(5000)
except RecursionError as e:
    print("RecursionError", e)
class InitGen:
    def __init__(self):
        yield 1
try:
    InitGen()
except TypeError as e:
    print(e)
class WithCall:
    def __init__(self, f): self.f = f
    def __call__(self, *a): return self.f(*a) * 2
@WithCall
def twice(x): return x + 1
print(twice(3))
class Sm:
    @staticmethod
    def __init__(*a): print("static init", len(a))
try:
    Sm()
except TypeError as e:
    print(e)
class Cm:
    @classmethod
    def __init__(cls): print("cls init", cls.__name__)
Cm()
class Kw:
    def __init__(self, a, /, b, *, c=3): self.t = (a, b, c)
print(Kw(1, 2).t, Kw(1, b=4, c=5).t)
try:
    Kw(a=1, b=2)
except TypeError as e:
    print(e)
class E(Exception):
    def __init__(self): super().__init__("fixed message")
try:
    raise E()
except E as e:
    print(e, e.args)
class Slow:
    def __init__(self):
        raise ValueError("init failed")
def make():
    return Slow()
try:
    make()
except ValueError as e:
    print(e)
