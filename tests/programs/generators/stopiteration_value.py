# StopIteration carries a generator's return value; iterator protocol by hand.
def g():
    yield 1
    return "done"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def empty():
    return 42
    yield
try:
    next(empty())
except StopIteration as e:
    print("value:", e.value)
def no_return():
    yield 1
it = no_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(iter([]))
except StopIteration as e:
    print("empty list iterator", repr(e))
def manual_loop(iterable):
    it = iter(iterable)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
print(manual_loop(range(5)), manual_loop("hey"), manual_loop({3: 0, 1: 0}))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(100)))
def returns_tuple():
    yield 0
    return (1, 2)
it = returns_tuple()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
