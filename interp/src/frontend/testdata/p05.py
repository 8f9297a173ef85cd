class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
    def __repr__(self):
        return "A(" + str(self.x) + ")"
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def get(self):
        return super().get() + self.y
b = B(1, 2)
print(b.get(), b, isinstance(b, A))
class C:
    __p = 5
    def peek(self):
        return self.__p
    def __q(self):
        return 7
    def call(self):
        return self.__q()
print(C().peek(), C().call())
def deco(f):
    def w(*a, **k):
        print("call", a, k)
        return f(*a, **k)
    return w
@deco
def add(a, b=2, *rest, c=3, **kw):
    return a + b + c + len(rest) + len(kw)
print(add(1))
print(add(1, 2, 3, 4, c=10, z=1))
print(add(*[1, 2], **{"c": 0}))
