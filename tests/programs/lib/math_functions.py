# Every one-argument function of math over a table of values, printed with
# repr so results must match CPython bit for bit (errors included).
import math

VALUES = [0, 1, -1, 2, 3, 10, -7, 0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 1e-300, 5e-324,
          1e-20, 1e300, -1e300, 1e16, 123.456, -98.765, 0.1, 0.7, 0.9999999,
          1.0000001, 3.141592653589793, 100.5, -100.5, 170.5, 171.7, 200.1,
          -200.1, -3.5, -0.1, 30.0, 700.0, 710.0, -745.0, -750.0,
          float('inf'), float('-inf'), float('nan'), 2**53 + 1, 10**20, -10**20,
          10**308, 2**1023, True, False, 1 / 3, 2 / 3, 141.3, -141.3, 22.0, 23.0,
          24.0, 1e-10, -1e-10, 5.5, 6.02, 1e5, -1e5]

NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh',
         'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log',
         'log10', 'log1p', 'log2', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees',
         'radians', 'ceil', 'floor', 'trunc', 'frexp', 'modf', 'isfinite', 'isinf',
         'isnan', 'ulp']


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return type(e).__name__ + ':' + str(e)


for name in NAMES:
    f = getattr(math, name)
    print(name)
    row = [show(f, v) for v in VALUES]
    for i in range(0, len(row), 8):
        print('   ', ' '.join(row[i:i + 8]))

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.floor(2.5)).__name__, type(math.ceil(2)).__name__, math.floor(True), math.trunc(False))
