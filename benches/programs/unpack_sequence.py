# Tuple and list packing/unpacking in tight loops: plain, nested, starred
# and swap forms, and unpacking in for targets.
# test-size: 2000
import sys


def plain(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    l = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    total = 0
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k = t
        total += a - b + c - d + e - f + g - h + j - k
        a, b, c, d, e, f, g, h, j, k = l
        total += a + k + i % 3
        a, b, c, d, e, f, g, h, j, k = t
        total += e * f
        a, b, c, d, e, f, g, h, j, k = l
        total -= j
    return total


def swaps(n):
    a, b, c = 1, 2, 3
    for i in range(n):
        a, b = b, a
        b, c = c, b
        a, b, c = c, a, b
        a, c = c + i % 5, a
    return a, b, c


def nested(n):
    rows = [((i, i + 1), (i * 2, [i % 7, i % 11])) for i in range(100)]
    total = 0
    for _ in range(n // 100):
        for (a, b), (c, [d, e]) in rows:
            total += a * b - c + d * e
    return total


def starred(n):
    data = list(range(12))
    total = 0
    for i in range(n):
        first, *middle, last = data
        total += first + last + len(middle)
        head, second, *rest = data
        total += second - len(rest)
        *init, tail = data
        total += tail
        data[i % 12] = i % 5
    return total, data


def pairs(n):
    pts = [(i, i * i % 17) for i in range(50)]
    acc = 0
    for _ in range(n // 50):
        for x, y in pts:
            acc += x * y
        for i, (x, y) in enumerate(pts):
            acc ^= i + x - y
    return acc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 800000
    print("plain", plain(n))
    print("swaps", swaps(n))
    print("nested", nested(n))
    print("starred", starred(n))
    print("pairs", pairs(n))


main()
