# Closures' cells read and written in compiled loops, unary arithmetic on
# ints and floats at the edges of the inline range, conditions on ints and
# floats, and calls whose callee is only known at run time.


def counter():
    count = 0

    def bump(k):
        nonlocal count
        for i in range(k):
            count += i
        return count

    return bump


def negations(values):
    out = []
    for v in values:
        out.append((-v, +v))
        if isinstance(v, int):
            out.append(~v)
    return out


def truthy_numbers(values):
    n = 0
    for v in values:
        x = v * 1
        while x:
            n += 1
            x = int(x / 2) if isinstance(x, int) else (0.0 if abs(x) < 1 else x / 2)
    return n


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k

    def twice(self, x):
        return 2 * x


def apply_all(fs, n):
    total = 0
    for i in range(n):
        for f in fs:
            total += f(i)
    return total


def late_binding(n):
    def use():
        return later + 1

    total = 0
    for i in range(n):
        try:
            total += use()
        except NameError as e:
            total -= 1
            if i == 5:
                print("NameError:", e)
        if i == n // 2:
            later = 10
    return total


b = counter()
print(b(100), b(1000))
print(negations([0, 1, -5, 2**47 - 1, -(2**47), 2**47, -(2**47) - 1, 0.0, -0.0, 2.5, float("inf"), True]))
print(truthy_numbers([0, 1, 5, -7, 1000, 0.0, -0.0, 3.5, 2.0]))
s = Scale(3)
print(apply_all([abs, lambda x: x - 1, s, s.twice, hash], 200))
print(late_binding(20))


def makers(n):
    # Functions made (with defaults and closures) and sets built inside a
    # compiled loop.
    out = 0
    for i in range(n):
        seen = {i, i + 1, i % 3}
        f = lambda x, k=i: x + k + len(seen)
        out += f(1)
    return out


print(makers(300))


def formatting(n):
    # f-strings (with conversions and format specs) and set comprehensions
    # inside a compiled loop.
    out = []
    for i in range(n):
        s = f"{i:>4}|{i * 0.5:.2f}|{str(i)!r}|{i:x}"
        evens = {k for k in range(i % 7) if k % 2 == 0}
        if i % 50 == 0:
            out.append(s + f" {sorted(evens)}")
    return out


print(formatting(300))
