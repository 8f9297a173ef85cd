# divmod and three-argument pow (modular exponentiation, big ints, negative base).
for a in [17, -17, 10 ** 20 + 3, -(10 ** 20) - 3]:
    for b in [5, -5, 97, 2 ** 70]:
        print(a, b, divmod(a, b))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(12345678901234567890, 98765432109876543210, 10 ** 9 + 7))
print(pow(2, 2 ** 100, 2 ** 61 - 1))
print(pow(7, 0, 13), pow(0, 0, 13), pow(5, 1, 1))
print(pow(2, -1), pow(2.0, 3), pow(-8, 3), pow(-2, -2))
M = 2 ** 61 - 1
x = 1
for i in range(20):
    x = pow(x * 31 + i, 65537, M)
    print(i, x)
def is_probable_prime(n):
    if n < 2:
        return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(90, 200) if is_probable_prime(n)])
print([is_probable_prime(2 ** p - 1) for p in [31, 61, 67, 89, 107, 127]])
print(is_probable_prime(2 ** 521 - 1), is_probable_prime(10 ** 40 + 1))
try:
    pow(2, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
