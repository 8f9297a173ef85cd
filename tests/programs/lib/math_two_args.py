# Two-argument functions over every pair of a table of special values.
import math

SMALL = [0, -0.0, 1, -1, 2, 0.5, -2.5, 3.0, 1e300, -1e-300, 5e-324, float('inf'),
         float('-inf'), float('nan'), 10, 7, -7, 1024, -1075, 10**30]


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return type(e).__name__ + ':' + str(e)


for name in ['atan2', 'copysign', 'remainder', 'fmod', 'pow', 'nextafter', 'log', 'hypot', 'ldexp', 'isclose', 'dist']:
    f = getattr(math, name)
    print(name)
    for a in SMALL:
        if name == 'dist':
            row = [show(f, (a, 1.0), (b, -2.0)) for b in SMALL]
        else:
            row = [show(f, a, b) for b in SMALL]
        print('   ', ' '.join(row))
