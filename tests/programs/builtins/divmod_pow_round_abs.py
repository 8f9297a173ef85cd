# divmod, pow, round, abs as builtins across types.
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 20, 7))
print(pow(3, 4), pow(3, -1), pow(2.0, 0.5), pow(7, 3, 11), pow(-7, 3, 11), pow(10 ** 20, 3, 97))
print(round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1234.5678, -2), round(7, -1), round(0.125, 2))
print(abs(-3), abs(3.5), abs(-0.0), abs(-(2 ** 100)), abs(False))
vals = [(i * 37 % 11 - 5) / 4 for i in range(12)]
print(vals)
print([round(v) for v in vals], [abs(v) for v in vals], [divmod(v, 1) for v in vals[:4]])
