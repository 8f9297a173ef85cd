# Dense matrix routines: multiply, Gaussian elimination, determinant, inverse, power iteration,
# and exact integer matrix powers (big-int Fibonacci).
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed
def rand_matrix(n, m, gen):
    return [[(next(gen) % 2001 - 1000) / 100.0 for _ in range(m)] for _ in range(n)]
def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    bt = [[b[i][j] for i in range(k)] for j in range(m)]
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
def fmt(m, prec=4):
    spec = "%" + str(prec + 6) + "." + str(prec) + "f"
    return "\n".join("  [" + ", ".join(spec % v for v in row) + "]" for row in m)
def solve(a, b):
    n = len(a)
    m = [row[:] + [bv] for row, bv in zip(a, b)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[piv][col]) < 1e-12:
            raise ZeroDivisionError("singular matrix")
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))
        x[r] = s / m[r][r]
    return x
def det(a):
    n = len(a)
    m = [row[:] for row in a]
    d = 1.0
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        if m[piv][col] == 0:
            return 0.0
        if piv != col:
            m[col], m[piv] = m[piv], m[col]
            d = -d
        d *= m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= f * m[col][c]
    return d
def inverse(a):
    n = len(a)
    cols = []
    for j in range(n):
        e = [1.0 if i == j else 0.0 for i in range(n)]
        cols.append(solve(a, e))
    return [[cols[j][i] for j in range(n)] for i in range(n)]
gen = lcg(7)
A = rand_matrix(5, 5, gen)
B = rand_matrix(5, 5, gen)
print("A =")
print(fmt(A, 2))
print("B =")
print(fmt(B, 2))
C = matmul(A, B)
print("A*B =")
print(fmt(C))
print("det(A) = %.6f" % det(A), "det(B) = %.6f" % det(B), "det(AB) = %.6f" % det(C))
print("det(A)*det(B) = %.6f" % (det(A) * det(B)))
b = [1.0, 2.0, 3.0, 4.0, 5.0]
x = solve(A, b)
print("x =", ["%.8f" % v for v in x])
resid = [sum(A[i][j] * x[j] for j in range(5)) - b[i] for i in range(5)]
print("max residual < 1e-9:", max(abs(r) for r in resid) < 1e-9)
Ainv = inverse(A)
print("inv(A) =")
print(fmt(Ainv, 6))
P = matmul(A, Ainv)
err = max(abs(P[i][j] - (1.0 if i == j else 0.0)) for i in range(5) for j in range(5))
print("A*inv(A) ~ I:", err < 1e-9)
S = [[A[i][j] + A[j][i] for j in range(5)] for i in range(5)]
v = [1.0] * 5
lam = 0.0
for it in range(60):
    w = [sum(S[i][j] * v[j] for j in range(5)) for i in range(5)]
    norm = max(abs(t) for t in w)
    v = [t / norm for t in w]
    lam = sum(v[i] * sum(S[i][j] * v[j] for j in range(5)) for i in range(5)) / sum(t * t for t in v)
    if it % 10 == 9:
        print("iteration %d: lambda = %.10f" % (it + 1, lam))
def imatmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def imatpow(m, e):
    result = [[1 if i == j else 0 for j in range(len(m))] for i in range(len(m))]
    while e:
        if e & 1:
            result = imatmul(result, m)
        m = imatmul(m, m)
        e >>= 1
    return result
F = [[1, 1], [1, 0]]
for n in [10, 50, 90, 100, 300]:
    print("fib(%d) = %d" % (n, imatpow(F, n)[0][1]))
T = [[2, 1, 0], [1, 3, 1], [0, 1, 4]]
print(imatpow(T, 20))
H = [[1.0 / (i + j + 1) for j in range(6)] for i in range(6)]
print("det(Hilbert 6) = %.6e" % det(H))
hx = solve(H, [1.0] * 6)
print("Hilbert solve:", [round(v, 3) for v in hx])
