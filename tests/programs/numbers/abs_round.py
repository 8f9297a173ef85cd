# abs and round: banker's rounding, ndigits, negative ndigits, big ints.
print(abs(-5), abs(5), abs(-0.0), abs(-2.5), abs(-(10 ** 30)), abs(True))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e16 + 1, -7.5]:
    print(v, round(v), type(round(v)).__name__)
for v in [2.675, 1.005, 0.125, 0.375, 3.14159, -3.14159, 1234.5678]:
    print(v, round(v, 2), round(v, 0), round(v, 1), round(v, -1), round(v, 3))
for v in [1234, 1250, 1350, -1250, 15, 25, 35, 10 ** 20 + 5 * 10 ** 18]:
    print(v, round(v), round(v, -1), round(v, -2), round(v, 2))
print(round(5), round(-5), round(0.0), round(-0.4), round(1e300))
print(round(2.5, 0), round(3.5, 0), round(-2.5, 0))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
