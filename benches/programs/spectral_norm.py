# Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
# truncated to n x n, by power iteration on A^T A.
# test-size: 20
import sys


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(v):
    n = len(v)
    return [sum([entry(i, j) * v[j] for j in range(n)]) for i in range(n)]


def times_at(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out.append(acc)
    return out


def times_ata(v):
    return times_at(times_a(v))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 350
    u = [1.0] * n
    for step in range(10):
        v = times_ata(u)
        u = times_ata(v)
        if step % 3 == 0:
            print(step, "%.12f" % u[0], "%.12f" % u[-1])
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    print("%.9f" % (vbv / vv) ** 0.5)


main()
