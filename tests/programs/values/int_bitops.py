# Bitwise operations on small and big ints (incl. negatives).
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 >> 2, -1 >> 100, ~-1)
print(1 << 63, 1 << 64, 1 << 100, (1 << 100) >> 99)
MASK = (1 << 64) - 1
h = 0xcbf29ce484222325
for ch in "hello world, strata":
    h ^= ord(ch)
    h = (h * 0x100000001b3) & MASK
    print(ch, h)
print(h >> 32, h & 0xFFFFFFFF)
x = 0x123456789ABCDEF0123456789
print(x & 0xFFFF, x | 1, x ^ (x >> 7), x >> 40, x << 20)
print(-x & 0xFFFFFFFF, -x >> 3, ~x)
s = 0
for i in range(70):
    s ^= (i * 0x9E3779B97F4A7C15) & MASK
print(s)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(v) for v in [0, 1, 255, 2 ** 64 - 1, 2 ** 100 + 7]])
rot = 0xDEADBEEF
for i in range(8):
    rot = ((rot << 5) | (rot >> 27)) & 0xFFFFFFFF
    print("0x%08x" % rot)
