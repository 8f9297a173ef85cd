# lambda expressions: as arguments, stored, immediately called, default args.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
print(sorted(["banana", "fig", "apple", "kiwi"], key=lambda s: (len(s), s)))
print(list(map(lambda x: x * 3, range(5))), list(filter(lambda x: x % 3 == 0, range(20))))
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=lambda p: p[1])
print(pairs)
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(sym, ops[sym](7, 3))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(100) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(100) for f in late])
print((lambda *a, **k: (a, k))(1, 2, z=3))
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(20))
print(max(range(10), key=lambda v: (v * 7) % 10))
