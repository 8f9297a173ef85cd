# Generator functions: lazy execution, interleaving, exhaustion, next() default.
def countdown(n):
    print("  start countdown", n)
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")
g = countdown(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g))
print(next(g, "exhausted"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
def squares(limit):
    for i in range(limit):
        yield i * i
print(list(squares(10)), sum(squares(100)), max(squares(7)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 1000:
        break
    out.append(v)
print(out)
def interleave(*gens):
    its = [iter(x) for x in gens]
    while its:
        nxt = []
        for it in its:
            try:
                yield next(it)
                nxt.append(it)
            except StopIteration:
                pass
        its = nxt
print(list(interleave([1, 2, 3], "ab", (10, 20, 30, 40))))
def two_yields():
    x = yield 1
    print("  got", x)
    yield 2
g = two_yields()
print(next(g), next(g))
def gen_with_return():
    yield "a"
    return "result"
    yield "never"
print(list(gen_with_return()))
def enumerate_like(seq, start=0):
    i = start
    for x in seq:
        yield i, x
        i += 1
for i, ch in enumerate_like("xyz", 5):
    print(i, ch)
