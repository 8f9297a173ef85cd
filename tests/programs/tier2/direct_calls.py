# Calls from compiled code to known Python functions that are not inlined
# (recursive, too big, with steps of their own): run directly, with the
# callee's exceptions, tracebacks, rebinding and unusual receivers.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def with_defaults(a, b=10, *rest, scale=2):
    return (a + b + len(rest)) * scale


def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("checked_div by zero: " + str(a))
    return a // b


def gen_squares(n):
    for i in range(n):
        yield i * i


class Counter:
    def __init__(self):
        self.total = 0
        self.log = []

    def add(self, k):
        # Big enough, with a step (a list append by method), not to be
        # inlined.
        self.total += k
        if k % 97 == 0:
            self.log.append(k)
        return self.total

    def other(self, k):
        return -k


def drive(n):
    c = Counter()
    longest = 0
    for i in range(1, n):
        c.add(i)
        x = collatz_len(i)
        if x > longest:
            longest = x
    return c.total, longest, len(c.log)


def divide_all(values, d):
    out = []
    for v in values:
        try:
            out.append(checked_div(v, d))
        except ZeroDivisionError as e:
            out.append(str(e))
            d = 3
    return out


def rebinding(n):
    global collatz_len
    total = 0
    original = collatz_len
    for i in range(1, n):
        total += collatz_len(i)
        if i == n // 2:
            collatz_len = lambda k: 1000
    collatz_len = original
    return total


def unusual_receivers(n):
    c = Counter()
    total = 0
    for i in range(n):
        total += c.add(i)
        if i == n // 2:
            # The same function found on the instance: no receiver.
            c.add = Counter.add
            total += c.add(c, 5)
            del c.add
    return total


def mixed(n):
    total = 0
    for i in range(n):
        total += with_defaults(i) + with_defaults(i, 1, 2, 3, scale=3)
        total += sum(gen_squares(i % 5))
    return total


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


print(fib(20))
print(drive(3000))
print(divide_all(list(range(40)), 0))
print(rebinding(400))
print(unusual_receivers(300))
print(mixed(300))
print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)


def fails_inside(n):
    total = 0
    for i in range(n):
        total += checked_div(100, n - 1 - i)
    return total


fails_inside(50)
