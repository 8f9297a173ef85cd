# Closures capture variables (not values); cells shared between closures.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get())
def make_multiplier(k):
    def mul(x):
        return x * k
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple(7), double(triple(5)))
def outer():
    x = "original"
    def show():
        return x
    x = "rebound before call"
    return show
print(outer()())
def accumulate():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulate()
acc(1)
acc(2)
print(acc(3))
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
print(level1(1)(10)(100))
fns = []
for i in range(3):
    def f():
        return i
    fns.append(f)
print([f() for f in fns])
def make_fns():
    out = []
    for i in range(3):
        def f(i=i):
            return i
        out.append(f)
    return out
print([f() for f in make_fns()])
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(90))
