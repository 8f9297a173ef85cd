# ** with ints, negative exponents, float exponents, negative bases.
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 2 ** -3, 10 ** -5, (-2) ** -3, 4 ** 0.5, 8 ** (1 / 3))
print(2.0 ** 10, 1.5 ** 2, 0.5 ** -2, (-8.0) ** 3, 2 ** 0.5, 10.0 ** 20, 10.0 ** -20)
print(3 ** 100, 7 ** 77, (-3) ** 33)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -3 ** 2, (-3) ** 2)
print(1 ** 1000000, (-1) ** 1000001, 0 ** 10, 0.0 ** 0)
x = 3
x **= 4
print(x)
for b in range(-3, 4):
    row = []
    for e in range(0, 6):
        row.append(b ** e)
    print(b, row)
for e in [-2, -1, 0, 1, 2]:
    print(e, 2.5 ** e, (-2.5) ** e, 10 ** e)
print(1.0000001 ** 1000000)
print(2 ** 200 == 2.0 ** 200, 2 ** 200 // 2 ** 199, 2 ** 62 * 2 ** 62)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
