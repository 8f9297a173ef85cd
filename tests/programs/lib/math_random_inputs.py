# Special functions, norms and exact summation on pseudo-random inputs (a
# fixed LCG, so the inputs are the same everywhere).
import math

state = 12345


def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state


def rfloat(lo, hi):
    return lo + (hi - lo) * (rnd() >> 11) / (1 << 53)


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ':' + str(e)


for i in range(400):
    x = rfloat(-180, 180)
    y = rfloat(0, 30)
    z = rfloat(-5, 5)
    print(show(math.gamma, x), show(math.lgamma, x), show(math.gamma, y), show(math.lgamma, y),
          show(math.erf, z), show(math.erfc, z), show(math.cbrt, x), show(math.asinh, x),
          show(math.acosh, y + 1), show(math.atanh, z / 5))
    print(show(math.hypot, x, y), show(math.hypot, x, y, z),
          show(math.hypot, x * 1e-310, y * 1e-310, z * 1e-308),
          show(math.dist, (x, y), (z, x)), show(math.remainder, x, z), show(math.fmod, x, z),
          show(math.pow, abs(x), z), show(math.log, y * 1e5, z + 6), show(math.log2, y),
          show(math.log10, y), show(math.expm1, z), show(math.log1p, z), show(math.ulp, x),
          show(math.nextafter, x, z), show(math.frexp, x * 1e-300), show(math.ldexp, x, int(z * 300)))

for i in range(150):
    n = rnd() % 50
    xs = [rfloat(-1, 1) * 10.0 ** (rnd() % 40 - 20) for _ in range(n)]
    print(math.fsum(xs), sum(xs), math.hypot(*xs), math.prod(xs[:5]))

print(math.fsum([1e-16, 1, 1e16]), math.fsum([0.1] * 10), math.fsum([]), math.fsum([-0.0]),
      math.fsum([1e308, -1e308, 1e308]), math.fsum(x / 7 for x in range(100)))
print(show(math.fsum, [float('inf'), 1.0]), show(math.fsum, [float('-inf'), float('-inf')]),
      show(math.fsum, [float('nan'), 1]), show(math.fsum, [float('inf'), float('-inf')]),
      show(math.fsum, [1e308, 1e308]))
