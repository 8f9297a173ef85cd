# Ints silently grow past 2**63 and far beyond.
print(2 ** 62, 2 ** 63, 2 ** 64)
print(2 ** 63 - 1, -(2 ** 63), -(2 ** 63) - 1)
m = 9223372036854775807
print(m + 1, m * 2, m * m)
print(-m - 2, (-m - 1) * -1)
x = 1
for i in range(1, 40):
    x *= i
    print(i, x)
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)))
v = 3
for i in range(12):
    v = v * v + 1
    print(i, v % 1000000007, len(str(v)))
a = 2 ** 100
b = 3 ** 70
print(a + b, a - b, b - a, a * b)
print(a // 7, a % 7, -a // 7, -a % 7)
print(a // b, b // 12345678901, b % 12345678901)
print(a == 2 ** 100, a < b, a > b, a != b)
print(abs(-a), -a)
big = 10 ** 50
print(big, big - 1, big + 1)
print((big - 1) // 3)
# shrink back to small
y = big
while y > 100:
    y //= 1000
print(y, type(y))
