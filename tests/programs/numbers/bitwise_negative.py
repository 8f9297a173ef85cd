# Bit operations on negative numbers use infinite two's complement.
for a in [-1, -2, -255, -256, -(2 ** 64), -(2 ** 64) - 1]:
    print(a, a & 0xFF, a | 0xF, a ^ 0xFFFF, a >> 1, a >> 63, a >> 200, a << 3, ~a)
print(-5 & -3, -5 | -3, -5 ^ -3, (-(2 ** 70)) & (2 ** 70 - 1), (-(2 ** 70)) | 1)
x = -123456789
while x != -1:
    print(x, x & 1)
    x >>= 3
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
