# Functions as values: passing, returning, storing in data structures, attributes.
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
def pipeline(*fns):
    def run(x):
        for f in fns:
            x = f(x)
        return x
    return run
p = pipeline(lambda s: s.strip(), lambda s: s.split(","), len)
print(p("  a,b,c,d  "))
def fold(f, acc, items):
    for it in items:
        acc = f(acc, it)
    return acc
print(fold(lambda a, b: a * b, 1, range(1, 11)), fold(max, 0, [3, 9, 2]))
table = [("sq", lambda x: x * x), ("neg", lambda x: -x), ("abs", abs), ("str", str)]
for name, fn in table:
    print(name, [fn(v) for v in [-2, 3]])
def f():
    "docstring here"
    return 1
print(f.__name__, f())
def curry(fn):
    def a(x):
        def b(y):
            return fn(x, y)
        return b
    return a
print(curry(pow)(2)(16), curry(divmod)(17)(5))
