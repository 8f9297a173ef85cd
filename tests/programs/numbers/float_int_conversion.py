# float -> int truncation, int -> float rounding, arithmetic mixing types.
for v in [0.9, -0.9, 1e15 + 0.5, 2.0 ** 60, -2.0 ** 70, 1.7976931348623157e308]:
    print(v, int(v))
for n in [2 ** 53 + 1, 2 ** 54 + 3, 2 ** 64 - 1, 10 ** 17 + 1, -(2 ** 60 + 1)]:
    print(n, float(n))
print(1 + 2.0, 3 * 0.5, 10 - 0.25, 2 ** 62 + 0.0, 7 // 1.0, type(7 // 1.0).__name__)
print(int(float(2 ** 53)), int(1e300) == 10 ** 300, int(1e300) % 10 ** 20)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 + 1.0)
except OverflowError as e:
    print("OverflowError:", e)
mean = sum([1, 2, 3, 4]) / 4
print(mean, sum([0.1] * 10), sum([1, 2.5, 3]), sum(range(10)) / 3)
