# Float powers in compiled loops: positive finite bases call libm's pow
# directly (never replaced by sqrt), everything else (negative or zero
# bases, infinities, NaN, overflow) goes through CPython's algorithm.
# (Negative bases only with integral exponents: Strata refuses complex
# numbers.)


def powers(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            try:
                r = x ** y
                out.append(repr(r) if isinstance(r, float) else repr(r))
            except (OverflowError, ZeroDivisionError, ValueError) as e:
                out.append(type(e).__name__)
    return out


def roots(n):
    t = 0.0
    for i in range(1, n):
        t += (i * 1.000000001) ** 0.5 + (i / 7.0) ** 1.5
    return t


xs = [0.5, 2.0, 1e-300, 1e300, 3.7, 1.0, 0.0, -0.0, float("inf"), float("-inf"), float("nan"), 5e-324]
ys = [0.5, 2.0, -1.0, 0.0, 1.5, 1e10, -1e10, float("inf"), float("nan"), 3.0]
res = powers(xs, ys)
for k in range(0, len(res), 10):
    print(res[k:k + 10])
print(powers([-2.0, -0.5, -1e200], [2.0, 3.0, -1.0, 0.0, 2.0**60]))
print(repr(roots(20000)))
