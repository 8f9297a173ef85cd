# Integer // and % floor toward negative infinity.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7), (6, 3), (-6, 3), (6, -3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
big = 10 ** 30 + 7
for d in [3, -3, 10 ** 15, -(10 ** 15), 2 ** 64, -(2 ** 64) + 1]:
    q = big // d
    r = big % d
    print(d, q, r, q * d + r == big)
    q = -big // d
    r = -big % d
    print(d, q, r, q * d + r == -big)
print(-(2 ** 63) // -1, -(2 ** 63) % -1, (-(2 ** 63)) // 1)
print(-9223372036854775808 // 7, -9223372036854775808 % 7)
for i in range(-10, 11):
    print(i, i // 4, i % 4, i // -4, i % -4)
x = 12345678901234567890
steps = 0
while x:
    x //= 13
    steps += 1
print(steps)
