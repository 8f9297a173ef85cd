# SciMark-like kernels: successive over-relaxation on a grid, Monte-Carlo
# estimation of pi (seeded random), sparse matrix-vector products in
# compressed-row form, LU factorisation with partial pivoting, and a
# radix-2 complex FFT round trip.
# test-size: 1
import sys
import math
import random


class Lcg:
    # Deterministic uniform numbers in [0, 1) for filling matrices.
    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 69069 + 1) % 4294967296
        return self.state / 4294967296.0


def sor(n, cycles, omega, rng):
    g = [[rng.uniform() for _ in range(n)] for _ in range(n)]
    quarter = omega * 0.25
    keep = 1.0 - omega
    for _ in range(cycles):
        for i in range(1, n - 1):
            up, row, down = g[i - 1], g[i], g[i + 1]
            for j in range(1, n - 1):
                row[j] = quarter * (up[j] + down[j] + row[j - 1] + row[j + 1]) + keep * row[j]
    return sum(sum(r) for r in g)


def monte_carlo(samples):
    random.seed(113)
    inside = 0
    for _ in range(samples):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / samples


def sparse_matmult(n, nonzeros, cycles, rng):
    per_row = nonzeros // n
    row_start = [0]
    cols = []
    vals = []
    for r in range(n):
        step = max(1, r // per_row) if r else 1
        used = 0
        c = 0
        while used < per_row and c < n:
            cols.append(c)
            vals.append(rng.uniform())
            c += step
            used += 1
        row_start.append(len(cols))
    x = [rng.uniform() for _ in range(n)]
    y = [0.0] * n
    for _ in range(cycles):
        for r in range(n):
            acc = 0.0
            for k in range(row_start[r], row_start[r + 1]):
                acc += x[cols[k]] * vals[k]
            y[r] = acc
    return sum(y)


def lu_factor(a):
    n = len(a)
    pivots = list(range(n))
    for j in range(n):
        p = j
        best = abs(a[j][j])
        for i in range(j + 1, n):
            v = abs(a[i][j])
            if v > best:
                best, p = v, i
        if p != j:
            a[p], a[j] = a[j], a[p]
            pivots[p], pivots[j] = pivots[j], pivots[p]
        if a[j][j] == 0.0:
            raise ZeroDivisionError("singular matrix")
        inv = 1.0 / a[j][j]
        pivot_row = a[j]
        for i in range(j + 1, n):
            row = a[i]
            f = row[j] * inv
            row[j] = f
            if f != 0.0:
                for k in range(j + 1, n):
                    row[k] -= f * pivot_row[k]
    return pivots


def lu(n, cycles, rng):
    base = [[rng.uniform() for _ in range(n)] for _ in range(n)]
    trace = 0.0
    for _ in range(cycles):
        a = [row[:] for row in base]
        pivots = lu_factor(a)
        trace += sum(a[i][i] for i in range(n))
    return trace, pivots[:6]


def fft(re, im, inverse):
    n = len(re)
    j = 0
    for i in range(1, n):
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            re[i], re[j] = re[j], re[i]
            im[i], im[j] = im[j], im[i]
    size = 2
    sign = 1.0 if inverse else -1.0
    while size <= n:
        half = size // 2
        theta = sign * 2.0 * math.pi / size
        wr0, wi0 = math.cos(theta), math.sin(theta)
        for start in range(0, n, size):
            wr, wi = 1.0, 0.0
            for k in range(start, start + half):
                m = k + half
                tr = wr * re[m] - wi * im[m]
                ti = wr * im[m] + wi * re[m]
                re[m] = re[k] - tr
                im[m] = im[k] - ti
                re[k] += tr
                im[k] += ti
                wr, wi = wr * wr0 - wi * wi0, wr * wi0 + wi * wr0
        size *= 2
    if inverse:
        for i in range(n):
            re[i] /= n
            im[i] /= n


def fft_roundtrip(n, cycles, rng):
    re0 = [rng.uniform() for _ in range(n)]
    im0 = [rng.uniform() for _ in range(n)]
    err = 0.0
    energy = 0.0
    for _ in range(cycles):
        re, im = re0[:], im0[:]
        fft(re, im, False)
        energy = sum(a * a + b * b for a, b in zip(re, im))
        fft(re, im, True)
        err = max(err, max(abs(a - b) for a, b in zip(re, re0)))
    return energy, err < 1e-9


def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    rng = Lcg(101010)
    print("sor %.9f" % sor(30, 10 * scale, 1.25, rng))
    print("monte_carlo %.6f" % monte_carlo(20000 * scale))
    print("sparse %.9f" % sparse_matmult(500, 2500, 10 * scale, rng))
    trace, piv = lu(40, 2 * scale, rng)
    print("lu %.9f" % trace, piv)
    energy, ok = fft_roundtrip(256, 4 * scale, rng)
    print("fft %.6f" % energy, ok)


main()
