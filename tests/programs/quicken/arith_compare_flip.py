# Quickened int/float forms of arithmetic and comparisons must fall back
# to the generic semantics whenever operand types change at a site.

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    def __radd__(self, other):
        return Money(other + self.cents)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __lt__(self, other):
        return self.cents < other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __repr__(self):
        return f"Money({self.cents})"


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def cmp(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


values = [
    (1, 2), (3, 4), (2.5, 0.5), (1, 2.5), (2.5, 1), (True, 2), (True, False),
    ("ab", "cd"), ([1], [2]), ((1,), (2,)), (2 ** 46, 2 ** 46), (2 ** 47 - 1, 1),
    (-(2 ** 47), -1), (10 ** 20, 3), (Money(5), Money(7)), (Money(5), 3),
    (float("inf"), 1.0), (-0.0, 0.0), (1e308, 10.0), (7, 7), (7.0, 7),
]
for a, b in values:
    row = [add(a, b)]
    try:
        row.append(sub(a, b))
    except (TypeError, AttributeError) as e:
        row.append(f"{type(e).__name__}: {e}")
    try:
        row.append(mul(a, b if not isinstance(b, (list, tuple, str)) else 2))
    except TypeError as e:
        row.append(f"TypeError: {e}")
    try:
        row.append(div(a, b))
    except (TypeError, ZeroDivisionError) as e:
        row.append(f"{type(e).__name__}: {e}")
    try:
        row.append(cmp(a, b))
    except (TypeError, AttributeError) as e:
        row.append(f"TypeError: {e}")
    print(a, b, row)

# NaN comparisons stay false in the float form.
nan = float("nan")
print(cmp(nan, nan), cmp(1.0, nan), cmp(nan, 1))

# Overflow inside an int-specialised site gives a big int, and stays right.
x = 1
for i in range(70):
    x = mul(x, 3)
    if i % 10 == 9:
        print(i, x, add(x, -x), sub(x, x - 1))

# Division by zero at a float-specialised site.
for a, b in [(1.0, 2.0), (3.0, 0.0), (4.0, 8.0)]:
    try:
        print(div(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

# A site flipping types many times keeps giving the right answers.
acc = []
for i in range(200):
    a = [i, i * 0.5, str(i), Money(i)][i % 4]
    b = [1, 0.25, "x", Money(2)][i % 4]
    acc.append(add(a, b))
print(acc[:8], acc[-4:], len(acc))
total = 0.0
for i in range(1000):
    total = add(total, i if i % 3 else i * 0.5)
print(total)
