# Integer functions (exact for any size) and logarithms of huge ints.
import math

for n in [2**64, 10**50, 3**300, 2**1024, 2**1024 - 1, 10**400 + 7, 7**1000, 2**10000 + 1, 123456789**40]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 7), math.log(n, 10**400), math.isqrt(n) % 10**20)
for n in range(0, 40):
    print(n, math.factorial(n), math.isqrt(n * 1234567),
          [math.comb(n, k) for k in range(0, n + 2, 7)], [math.perm(n, k) for k in range(0, n + 2, 9)])
print(math.factorial(200))
print(math.comb(1000, 500) % 10**30, math.perm(30), math.perm(5, None), math.comb(10**20, 3),
      math.perm(10**20, 2), math.comb(10**30, 10**30 - 2), math.comb(3, 5), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(1), math.isqrt(15), math.isqrt(16), math.isqrt(2**64 - 1), math.isqrt(2**64), math.isqrt(10**41))
print(math.gcd(), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 27), math.gcd(0, 0),
      math.gcd(2**100, 6**50), math.gcd(True, 4), math.gcd(7, 1, 0))
print(math.lcm(), math.lcm(-12), math.lcm(4, 6), math.lcm(4, 6, 0, 5), math.lcm(-4, 6),
      math.lcm(2**70, 3**20), math.lcm(0, 0))
print(math.prod([]), math.prod([1, 2, 3]), math.prod([1.5, 2]), math.prod([2, 3], start=0.5),
      math.prod(range(1, 30)), math.prod([True, True]), math.prod(['ab'], start=3),
      math.prod([[1], 2]), math.prod(iter([2**40, 2**40, 3])), math.prod((), start='x'))
print(type(math.gcd(True)).__name__, type(math.factorial(True)).__name__, math.factorial(False))
