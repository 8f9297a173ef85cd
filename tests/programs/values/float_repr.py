# repr/str of floats must match CPython's shortest round-trip output.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1.5, 2.5, 100.0,
        1e16, 1e15, 123456789012345678.0, 1e-7, 1e-5, 0.0001, 0.00001,
        1 / 3, 2 / 3, 10 / 3, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        3.141592653589793, 2.718281828459045, 1e100, 1.5e-10, 12345.678,
        0.5, 0.25, 0.125, 1e300 * 10, 9007199254740993.0, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v), v)
print([0.1, 0.7, 1e-9], (2.0, -3.5))
x = 0.0
for i in range(15):
    x += 0.1
    print(i, x)
y = 1.0
for i in range(25):
    y *= 7.3
    print(y)
z = 1.0
for i in range(25):
    z /= 9.7
    print(z)
print(float(7), float(-3), 3 * 1.0, 2 ** 0.5, 10 ** -2)
print(1e16 + 1, 1e16 + 2, 0.1 * 3, 1.1 * 1.1)
