# A small tour of what Strata runs: classes, generators, closures, big ints,
# floats, sets and exceptions, all printed exactly as CPython prints them.

class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"


def primes(limit):
    sieve = [True] * (limit + 1)
    for n in range(2, limit + 1):
        if sieve[n]:
            yield n
            for m in range(n * n, limit + 1, n):
                sieve[m] = False


def counter():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count

    return bump


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


ps = list(primes(100))
print("primes:", ps[:10], "...", len(ps))
print("fib(90) =", fib(90), "fib(200) =", fib(200))
print("2**100 // 3 =", 2 ** 100 // 3, " -7 // 2 =", -7 // 2, " -7 % 3 =", -7 % 3)
print("floats:", 0.1 + 0.2, 1e16, 1 / 3, 2.5e-7)
v = Vector(1, 2) + Vector(3.5, -4)
print("vector:", v)
bump = counter()
bump()
bump(5)
print("counter:", bump())
s = {x * x % 17 for x in range(40)}
print("set:", s, sorted(s) == sorted(list(s)))
d = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    d[word] = d.get(word, 0) + 1
print("counts:", d)
try:
    {}["missing"]
except KeyError as e:
    print("caught KeyError", e)
total = 0
for i in range(300000):
    total += i * i % 7
print("loop total:", total)
