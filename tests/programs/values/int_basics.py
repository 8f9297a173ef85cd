# Small ints: arithmetic, comparisons, repr, truthiness.
a = 7
b = -3
print(a, b, a + b, a - b, a * b)
print(-a, +b, -(-a))
print(a == 7, a != 7, a < b, a > b, a <= 7, a >= 8)
print(repr(42), str(-42), 0, -0)
print(bool(0), bool(1), bool(-5))
x = 0
for i in range(1, 21):
    x = x * 3 + i
    print(i, x)
print(1_000_000, 0x1F, 0o17, 0b1011)
print(0xFF + 0o777 + 0b1)
n = 12345
digits = []
while n:
    digits.append(n % 10)
    n //= 10
print(digits)
print(type(5), type(-5) is int)
total = 0
for k in range(-50, 51):
    total += k * k
print(total)
