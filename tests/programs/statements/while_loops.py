# while with break/continue/else.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i == 8:
        break
    print("i", i)
else:
    print("not reached")
j = 0
while j < 3:
    j += 1
else:
    print("while-else ran, j =", j)
def find_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return None
    return d
print([find_divisor(n) for n in [15, 17, 49, 97, 221, 10007]])
a, b = 0, 1
while True:
    a, b = b, a + b
    if a > 10 ** 20:
        break
print(a)
outer = 0
while outer < 4:
    inner = 0
    while True:
        inner += 1
        if inner > outer:
            break
    print(outer, inner)
    outer += 1
k = 5
while k:
    k -= 1
    print(k, end=",")
print()
