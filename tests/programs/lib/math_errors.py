# CPython's exceptions and messages for bad arguments, plus objects that
# convert through __float__, __index__, __floor__, __ceil__ and __trunc__.
import math


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


t(math.sin)
t(math.sin, 1, 2)
t(math.sin, 'a')
t(math.sin, None)
t(math.sin, x=2)
t(math.atan2, 1)
t(math.atan2, 'a', 1)
t(math.pow, 1)
t(math.fmod, 1)
t(math.fmod, 1, y=2)
t(math.floor, 'a')
t(math.floor)
t(math.floor, 1, x=2)
t(math.ceil, 'a')
t(math.trunc, 'a')
t(math.trunc, 1.5)
t(math.factorial, 5.0)
t(math.factorial, -1)
t(math.factorial, 'a')
t(math.factorial, 10**20)
t(math.gcd, 1.5)
t(math.gcd, 'a')
t(math.gcd, x=1)
t(math.isqrt, 2.0)
t(math.isqrt, -1)
t(math.comb, 5)
t(math.comb, -1, 2)
t(math.comb, 1, -2)
t(math.comb, 'a', 1)
t(math.comb, 10**20, 10**19)
t(math.perm, 5, 2, 3)
t(math.perm, 10**20, 10**19)
t(math.perm, 1, k=2)
t(math.log, 1, 2, 3)
t(math.log)
t(math.log, x=2)
t(math.log, 10, 1)
t(math.log, 0)
t(math.log, -1)
t(math.log, 'a')
t(math.log, -2**2000)
t(math.ldexp, 1.0, 1.5)
t(math.ldexp, 1.0, 10**30)
t(math.ldexp, 1.0, -10**30)
t(math.ldexp, 1)
t(math.isclose, 1, 2, 3)
t(math.isclose, 1, 2, rel_tol=-1)
t(math.isclose, 1, 2, foo=1)
t(math.isclose, 1)
t(math.isclose, a=1, b=2)
t(math.isclose, 1, b=1)
t(math.isclose, 1, 2, a=1)
t(math.isclose, 1, 2, rel_tol='a')
t(math.prod, [1, 2], 3)
t(math.prod, [1, 2], start=3)
t(math.prod)
t(math.prod, [1], x=1)
t(math.prod, [1], start=2, x=1)
t(math.prod, 5)
t(math.fsum, 1)
t(math.fsum, ['a'])
t(math.fsum)
t(math.dist, [1], [1, 2])
t(math.dist, 1, 2)
t(math.dist, [1])
t(math.hypot, 'a')
t(math.hypot, x=1)
t(math.sqrt, 10**400)
t(math.exp, 1000)
t(math.fabs, 10**400)
t(math.frexp, 10**400)
t(math.floor, 10**400)
t(math.floor, float('inf'))
t(math.ceil, float('nan'))
t(math.nextafter, 1, 2, 3)
t(math.ulp, 'x')
t(math.ulp)


class A:
    def __float__(self):
        return 2.5


class B:
    def __index__(self):
        return 7


class C:
    def __floor__(self):
        return 'floor!'

    def __ceil__(self):
        return 'ceil!'

    def __trunc__(self):
        return 'trunc!'

    def __float__(self):
        return 1.5


class D:
    def __float__(self):
        return 1


t(math.sqrt, A())
t(math.sqrt, B())
t(math.floor, A())
t(math.ceil, B())
t(math.floor, C())
t(math.ceil, C())
t(math.trunc, C())
t(math.sin, C())
t(math.trunc, A())
t(math.sqrt, D())
t(math.factorial, B())
t(math.gcd, B(), 21)
t(math.factorial, A())
t(math.isqrt, B())
t(math.comb, B(), 2)
t(math.ldexp, 1.0, B())
t(math.log, B())
t(math.log, A())
t(math.hypot, A(), B())
t(math.fsum, [A(), B()])
t(math.dist, [A()], [B()])
t(math.isclose, A(), 2.5)
