# Floating-point arithmetic: accumulation error, exact comparisons, Kahan summation, tiny and huge values.
vals = [0.1] * 10
print(sum(vals), sum(vals) == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
def kahan(xs):
    s = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
print(kahan(vals), kahan([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16]))
x = 1.0
for i in range(60):
    x /= 2
print(x, 1.0 + x == 1.0, x * 2 ** 60)
print(1e308 * 10, -1e308 * 10, 1e-308 / 1e10, 5e-324 / 2, 2.2250738585072014e-308 / 2)
print(0.1 * 3, 0.3 / 0.1, 1.1 + 2.2, 3.3 * 3, 100 * 1.1, 1 - 0.9)
acc = 0.0
for i in range(1, 50):
    acc += 1.0 / (i * i)
    if i % 7 == 0:
        print(i, acc)
pi_est = 0.0
sign = 1.0
for k in range(2000):
    pi_est += sign * 4.0 / (2 * k + 1)
    sign = -sign
print(pi_est)
def newton_sqrt(v):
    g = v / 2.0
    for _ in range(30):
        g = (g + v / g) / 2.0
    return g
print([newton_sqrt(v) for v in [2.0, 9.0, 10.0, 1e10, 0.25]])
print(2.0 ** 0.5, 10.0 ** 0.5, 0.5 ** 0.5, 1e10 ** 0.5)
print(7.0 / 3, 7.0 // 3, 7.0 % 3, -7.0 / 3, -7.0 // 3, -7.0 % 3)
mixed = 3 + 4.5 - 2 * 1.25 + 10 // 4 - 10 / 4
print(mixed, type(mixed).__name__)
print(1e15 + 0.3, 1e16 + 0.5, 123456789.123456789, 0.1 + 0.7, 4.35 * 100, 1.15 * 100)
