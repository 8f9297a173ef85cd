# Plain, mutual and tree recursion.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(15)])
print(fact(60))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(99))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
m = []
hanoi(4, "A", "C", "B", m)
print(len(m), m[:8])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(2, n) for n in range(5)], ackermann(3, 3))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out
ps = permutations([1, 2, 3, 4])
print(len(ps), ps[:5], ps[-1])
def flatten(x):
    if isinstance(x, list):
        r = []
        for y in x:
            r.extend(flatten(y))
        return r
    return [x]
print(flatten([1, [2, [3, [4, [5]], 6]], [[7]]]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50), gcd(17, 5))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
