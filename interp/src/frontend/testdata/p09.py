def outer():
    x = "outer x"
    class C:
        x = "class x"
        def m(self):
            return x
        y = x
        z = [x for _ in range(1)]
    return C
C = outer()
print(C().m(), C.y, C.z)
class Base:
    def hello(self):
        return "base hello"
class D(Base):
    def hello(self):
        def helper():
            return self
        return super().hello() + " via " + str(helper() is self)
    def nested_class(self):
        class Inner(Base):
            def hello(self):
                return "inner " + super().hello()
        return Inner().hello()
print(D().hello(), D().nested_class())
def cells():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError:
        print("cell deleted")
    v = 2
    return get()
print(cells())
class G:
    vals = [1, 2, 3]
    total = list(v * 10 for v in vals)
print(G.total)
class Priv:
    def __init__(self, *, __k=3):
        self.k = __k
print(Priv().k)
def args_star(obj, *a):
    return obj.f(*a)
class F:
    def f(self, *a):
        return len(a)
print(args_star(F(), 1, 2, 3))
e = "module e"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print("module-level e deleted")
def loop_else_break():
    for i in range(3):
        pass
    else:
        i = "else"
    return i
print(loop_else_break())
def yield_in_try():
    try:
        yield 1
        raise ValueError("k")
    except ValueError as err:
        yield "caught " + str(err)
    finally:
        yield "finally"
print(list(yield_in_try()))
def ret_in_except():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                return "returned " + str(e)
            continue
    return "none"
print(ret_in_except())
def swap_nested():
    a, b, c = 1, 2, 3
    a, b, c = c, a, b
    [a, b], c = [c, b], a
    return a, b, c
print(swap_nested())
