# Bitwise operations and shifts on ints in compiled loops: native while
# the values stay inline ints; big results, negative shift counts and
# non-int operands (sets, bools) leave for the interpreter.


def mix(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc ^= x >> (i % 7)
        acc |= (i & 15) << (i % 40)
        acc &= 0xFFFFFFFFFFFF
        acc = acc ^ (x << 3)
    return acc


def shifts(values, counts):
    out = []
    for v in values:
        for c in counts:
            try:
                out.append((v << c, v >> c))
            except ValueError as e:
                out.append(str(e))
    return out


def popcounts(n):
    total = 0
    for i in range(n):
        b = i
        while b:
            b &= b - 1
            total += 1
    return total


def others(n):
    s = {1, 2}
    t = {2, 3}
    out = []
    for i in range(n):
        out.append(len(s | t) + len(s & t) + len(s ^ t))
        out.append((i % 2 == 0) | (i % 3 == 0))
        out.append(True ^ (i > 2))
    return out


print(mix(5000))
print(shifts([0, 1, -1, 5, -7, 2**40, -(2**46), 2**47 - 1], [0, 1, 3, 47, 48, 63, 64, 100, -1]))
print(popcounts(3000))
print(others(12))
print(1 << 200, (1 << 200) >> 190, -5 >> 1000, 7 >> 64)
