class It:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration("ret-value")
        self.i += 1
        return self.i
def g():
    r = yield from It(2)
    yield ("ret", r)
print(list(g()))
class Sendable:
    def __init__(self): self.got = []
    def __iter__(self): return self
    def __next__(self): return self.send(None)
    def send(self, v):
        self.got.append(v)
        if len(self.got) > 3: raise StopIteration(self.got)
        return len(self.got)
def h():
    r = yield from Sendable()
    yield r
it = h()
print(next(it), it.send("a"), it.send("b"), it.send("c"))
def gen_in_gen():
    def inner():
        x = yield 1
        y = yield x * 2
        return x + y
    total = 0
    for _ in range(2):
        total += yield from inner()
    return total
it = gen_in_gen()
out = [next(it)]
try:
    out.append(it.send(5))
    out.append(it.send(7))
    out.append(it.send(1))
    out.append(it.send(2))
except StopIteration as e:
    out.append(("stop", e.value))
print(out)
def stop_in_gen():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_in_gen())
except RuntimeError as e:
    print(e, repr(e.__cause__))
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def ret_none():
    return
    yield
try:
    next(ret_none())
except StopIteration as e:
    print(e.value, e.args, repr(e))
g = (i for i in range(3))
print(iter(g) is g, list(zip(g, g)))
def running_check():
    yield g2.gi_running if False else 1
g2 = running_check()
print(list(g2))
