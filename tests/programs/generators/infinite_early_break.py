# Infinite generators consumed partially with break, next(), and zip.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
ps = []
for p in primes():
    if p > 200:
        break
    ps.append(p)
print(ps)
gen = primes()
print([next(gen) for _ in range(10)])
print(next(gen), next(gen))
print(list(zip("abcde", naturals(100))))
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def cycle(seq):
    while True:
        for x in seq:
            yield x
print(take(7, cycle([1, 2, 3])))
def lcg(seed):
    x = seed
    while True:
        x = (1103515245 * x + 12345) % 2147483648
        yield x
print(take(8, lcg(42)))
def running(it):
    total = 0
    for v in it:
        total += v
        yield total
for s in running(naturals(1)):
    if s > 100:
        print("first triangular number over 100:", s)
        break
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:20], len(list(collatz(97))))
