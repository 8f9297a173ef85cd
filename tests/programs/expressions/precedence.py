# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 * -3, - - 4, +-+1)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** -1, 7 // 2 * 2 + 7 % 2, -7 // 2 * 2 + -7 % 2)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 | 3 & 1, 5 ^ 3 & 6, ~5 + 1, ~(5 + 1))
print(1 < 2 == True, (1 < 2) == True, not 1 == 2, not (1 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(3 * "ab" + "c", "a" + "b" * 2, [0] * 2 + [1] * 3)
print(2 + 3 if False else 4 + 5, (2 + 3) if True else 0)
print(1 if 2 > 3 else 4 if 5 > 6 else 7)
x = 5
print(x * 2 > 9 and x % 2 == 1, x > 3 or 1 / 0, x < 3 and 1 / 0)
print(-x ** 2, (-x) ** 2, abs(-x) ** 2, x ** 2 ** 0)
print(4 / 2 * 3, 4 / (2 * 3), 2 * 3 % 4, 2 * (3 % 4), 17 % 5 ** 2)
print([1, 2, 3][1:] + [4], (1, 2) + (3,) * 2, "x" in "xyz" and "q" not in "xyz")
a = b = 2
a += b * 3
print(a, b, not a - 8, (a - 8 == 0) == False)
print(0 < x < 10 == True, (0 < x < 10) == True)
print(2 ** 3 * 2, 2 * 3 ** 2, (2 * 3) ** 2, 10 - 2 ** 3, -3 % 5, -(3 % 5))
